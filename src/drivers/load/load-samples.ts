// One row per ended request, in growable typed arrays: a million rows cost about 17 MB.

export const OUTCOME_OK = 0
export const OUTCOME_NON2XX = 1
export const OUTCOME_TIMEOUT = 2
export const OUTCOME_ERROR = 3

export class LoadSamples {
  length = 0
  startMs = new Float64Array(1024)
  latencyMs = new Float64Array(1024)
  outcome = new Uint8Array(1024)
  status = new Uint16Array(1024)

  add(startMs: number, latencyMs: number, outcome: number, status = 0): void {
    if (this.length === this.startMs.length) this.grow()
    const row = this.length++
    this.startMs[row] = startMs
    this.latencyMs[row] = latencyMs
    this.outcome[row] = outcome
    this.status[row] = status
  }

  private grow(): void {
    const size = this.startMs.length * 2
    const copy = <T extends Float64Array | Uint8Array | Uint16Array>(from: T, to: T): T => {
      to.set(from)
      return to
    }
    this.startMs = copy(this.startMs, new Float64Array(size))
    this.latencyMs = copy(this.latencyMs, new Float64Array(size))
    this.outcome = copy(this.outcome, new Uint8Array(size))
    this.status = copy(this.status, new Uint16Array(size))
  }
}

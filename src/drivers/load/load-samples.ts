// One row per ended request, in growable typed arrays: a million rows cost about 17 MB.

export const OUTCOME_OK = 0
export const OUTCOME_NON2XX = 1
export const OUTCOME_TIMEOUT = 2
export const OUTCOME_ERROR = 3
/** Sent, still unanswered when the load was cut (abort signal or maxDuration). */
export const OUTCOME_CUT = 4
export const OUTCOME_COUNT = 5

/** Rows as plain typed arrays, for posting from the load's thread to the test's. */
export interface SampleRows {
  startMs: Float64Array
  latencyMs: Float64Array
  outcome: Uint8Array
  status: Uint16Array
}

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

  /** Rows `from` … end, copied (their buffers can be transferred). */
  rowsFrom(from: number): SampleRows {
    return {
      startMs: this.startMs.slice(from, this.length),
      latencyMs: this.latencyMs.slice(from, this.length),
      outcome: this.outcome.slice(from, this.length),
      status: this.status.slice(from, this.length),
    }
  }

  /** Adds `rows`, their start times shifted by `-originMs`. */
  append(rows: SampleRows, originMs = 0): void {
    for (let row = 0; row < rows.outcome.length; row += 1) this.add(rows.startMs[row]! - originMs, rows.latencyMs[row]!, rows.outcome[row]!, rows.status[row])
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

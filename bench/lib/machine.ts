// What every benchmark prints first: the machine and how loaded it was, since figures from a shared machine vary.
import os from 'node:os'

/** One line: CPU model and cores, OS, Node, and the 1/5/15-minute load averages right now. */
export const describeMachine = (): string => {
  const cpu = os.cpus()
  return `machine: ${cpu[0]?.model ?? 'unknown cpu'} × ${cpu.length} cores, ${os.platform()} ${os.release()}, Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`
}

/** The median of some numbers (NaN when there are none). */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** `123 ms [120, 123, 180]`: the median and every run. */
export const formatRuns = (values: readonly number[]): string => `${median(values).toFixed(0)} ms [${values.map((value) => value.toFixed(0)).join(', ')}]`

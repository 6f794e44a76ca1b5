/** Milliseconds on the machine's monotonic clock, which every thread of the process shares (performance.now() does not). */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6

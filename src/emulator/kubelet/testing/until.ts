// Test support: wait for a condition by polling, bounded in time and attempts.

/** Resolves with the first truthy result of `probe`; rejects after `timeoutMs` with `what` and the last value seen. */
export const until = async <T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, intervalMs = 50): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (let attempt = 0; attempt < Math.ceil(timeoutMs / intervalMs) + 1; attempt += 1) {
    last = await probe()
    if (last) return last as T
    if (Date.now() > deadline) break
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 500)}`)
}

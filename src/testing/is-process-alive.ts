// Test support: whether a process still exists (signal 0 checks without sending anything).

/**
 * True while process `pid` exists (a zombie counts as existing).
 *
 * @example
 * expect(isProcessAlive(child.pid!)).toBe(false)
 */
export const isProcessAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

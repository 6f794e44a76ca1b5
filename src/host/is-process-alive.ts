/**
 * Whether a process with this pid exists on this host (signal 0 checks without sending anything). A process that
 * belongs to another user exists too: the kernel answers EPERM for it.
 *
 * @example
 * isProcessAlive(process.pid) // true
 */
export const isProcessAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

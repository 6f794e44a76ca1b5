// Ctrl-C or a kill while a chaos test runs: interrupt its runs, play its rollbacks, then exit as the signal asked.
// The handlers exist only while a chaos context is open, so a worker's normal shutdown (Vitest sends SIGTERM) is untouched.
const open = new Set<{ abort: (reason: unknown) => void; close: () => Promise<void> }>()
const EXIT_CODE = { SIGINT: 130, SIGTERM: 143 } as const
const SIGNALS = ['SIGINT', 'SIGTERM'] as const
const ROLLBACK_DEADLINE_MS = 60_000

const rollBackAndExit = async (signal: keyof typeof EXIT_CODE): Promise<void> => {
  process.stderr.write(`vitest-chaos: ${signal} received, rolling back ${open.size} chaos test${open.size === 1 ? '' : 's'} before exiting\n`)
  setTimeout(() => process.exit(EXIT_CODE[signal]), ROLLBACK_DEADLINE_MS).unref()
  const closing = [...open]
  for (const entry of closing) entry.abort(new Error(`${signal} received`))
  await Promise.allSettled(closing.map((entry) => entry.close()))
  process.exit(EXIT_CODE[signal])
}

const handlers = Object.fromEntries(SIGNALS.map((signal) => [signal, () => void rollBackAndExit(signal)])) as Record<(typeof SIGNALS)[number], () => void>

/**
 * Keeps `entry` (an open chaos context) to be interrupted and rolled back on SIGINT/SIGTERM; returns the release.
 *
 * @example
 * const release = rollBackOnExitSignals({ abort, close }); try { … } finally { release() }
 */
export const rollBackOnExitSignals = (entry: { abort: (reason: unknown) => void; close: () => Promise<void> }): (() => void) => {
  if (open.size === 0) for (const signal of SIGNALS) process.once(signal, handlers[signal])
  open.add(entry)
  return () => {
    if (!open.delete(entry) || open.size > 0) return
    for (const signal of SIGNALS) process.off(signal, handlers[signal])
  }
}

// Ctrl-C or a kill while a chaos test runs: interrupt its runs, play its rollbacks, then exit as the signal asked.
// The handlers exist only while a chaos context is open, so a worker's normal shutdown (Vitest sends SIGTERM) is untouched.
// Once the rollback has started they stay until the exit: a second signal (a terminal sends Ctrl-C to the whole group,
// and people press it twice) must not get Node's default handler and kill the worker mid-rollback.
type Entry = { abort: (reason: unknown) => void; close: () => Promise<void> }
const open = new Set<Entry>()
const EXIT_CODE = { SIGINT: 130, SIGTERM: 143 } as const
type ExitSignal = keyof typeof EXIT_CODE
const SIGNALS = Object.keys(EXIT_CODE) as ExitSignal[]
const ROLLBACK_DEADLINE_MS = 60_000
// the first signal starts the rollback, the second is refused with a warning, the third exits without finishing it
const SIGNALS_TO_GIVE_UP = 3

let rollingBack: { signal: ExitSignal; signals: number } | undefined

// Vitest's main process exits at the first signal, so the pipes it read our output from may be closed by now:
// writing to them fails with EPIPE, which must not end the rollback as an uncaught error would
const ignoreBrokenPipe = (): void => undefined

const rollBackAndExit = async (signal: ExitSignal): Promise<void> => {
  process.stderr.write(`vitest-chaos: ${signal} received, rolling back ${open.size} chaos test${open.size === 1 ? '' : 's'} before exiting\n`)
  setTimeout(() => process.exit(EXIT_CODE[signal]), ROLLBACK_DEADLINE_MS).unref()
  const closing = [...open]
  for (const entry of closing) entry.abort(new Error(`${signal} received`))
  await Promise.allSettled(closing.map((entry) => entry.close()))
  process.exit(EXIT_CODE[signal])
}

const onSignal = (signal: ExitSignal): void => {
  if (!rollingBack) {
    rollingBack = { signal, signals: 1 }
    for (const stream of [process.stdout, process.stderr]) stream.on('error', ignoreBrokenPipe)
    void rollBackAndExit(signal)
    return
  }
  rollingBack.signals += 1
  if (rollingBack.signals < SIGNALS_TO_GIVE_UP) {
    process.stderr.write(
      `vitest-chaos: ${signal} received while the rollback is in progress; it goes on. ` +
        'Another signal or SIGKILL stops it and leaves faults in the cluster for `npx vitest-chaos recover`\n',
    )
    return
  }
  process.stderr.write(`vitest-chaos: ${signal} received again: exiting before the rollback finished; run \`npx vitest-chaos recover\` to undo the faults left\n`)
  process.exit(EXIT_CODE[rollingBack.signal])
}

const handlers = Object.fromEntries(SIGNALS.map((signal) => [signal, () => onSignal(signal)])) as Record<ExitSignal, () => void>

/**
 * Keeps `entry` (an open chaos context) to be interrupted and rolled back on SIGINT/SIGTERM; returns the release.
 *
 * @example
 * const release = rollBackOnExitSignals({ abort, close }); try { … } finally { release() }
 */
export const rollBackOnExitSignals = (entry: Entry): (() => void) => {
  if (open.size === 0 && !rollingBack) for (const signal of SIGNALS) process.on(signal, handlers[signal])
  open.add(entry)
  return () => {
    if (!open.delete(entry) || open.size > 0 || rollingBack) return
    for (const signal of SIGNALS) process.off(signal, handlers[signal])
  }
}

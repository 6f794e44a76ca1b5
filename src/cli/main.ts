import type { CliIO } from './cli-command.js'
import { commands } from './commands/index.js'

const VERSION = '0.1.0'

const helpText = () =>
  [
    'vitest-chaos: resilience experiments as tests; runs Chaos Toolkit experiments unchanged.',
    '',
    'Usage: vitest-chaos <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`),
    '',
    'Options:',
    '  --help     show help for vitest-chaos or a command',
    '  --version  print the version',
    '',
    'Run `vitest-chaos <command> --help` for a command\'s options.',
  ].join('\n') + '\n'

/** Installs SIGINT/SIGTERM handlers for the duration of one command and turns them into an AbortSignal. */
const processIO = (): { io: CliIO; dispose: () => void } => {
  const graceful = new AbortController()
  const ungraceful = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    if (ungraceful.signal.aborted) process.exit(130)
    if (graceful.signal.aborted) {
      process.stderr.write(`${signal} again: stopping now, without rollbacks (a third one exits at once)\n`)
      ungraceful.abort(signal)
    } else {
      graceful.abort(signal)
    }
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    io: {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      signal: graceful.signal,
      stopSignal: ungraceful.signal,
    },
    dispose: () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    },
  }
}

/** The `vitest-chaos` command line; resolves to the exit code. */
export async function main(argv: string[], io?: CliIO): Promise<number> {
  const [name, ...rest] = argv
  const out = io ?? { stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t) }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out.stdout(helpText())
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-V') {
    out.stdout(`${VERSION}\n`)
    return 0
  }
  const entry = commands.find((candidate) => candidate.name === name)
  if (!entry) {
    out.stderr(`vitest-chaos: unknown command '${name}'. Run \`vitest-chaos --help\` to see the commands.\n`)
    return 2
  }
  const command = await entry.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    out.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`)
    return 0
  }
  if (io) return command.run(rest, io)
  const { io: real, dispose } = processIO()
  try {
    return await command.run(rest, real)
  } finally {
    dispose()
  }
}

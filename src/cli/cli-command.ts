/** One `vitest-chaos <name>` sub-command. */
export interface CliCommand {
  name: string
  /** One line for `--help`. */
  summary: string
  /** Full usage text for `vitest-chaos <name> --help`. */
  usage: string
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[], io: CliIO): Promise<number>
}

/** Where a command writes; tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Interrupts delivered to the command (SIGINT/SIGTERM in the real CLI). */
  signal: AbortSignal
}

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
  /** The first SIGINT/SIGTERM: stop gracefully (the rollback strategy decides what follows). */
  signal: AbortSignal
  /** A second SIGINT/SIGTERM: stop now, without rollbacks and without awaiting background activities. */
  stopSignal?: AbortSignal
}

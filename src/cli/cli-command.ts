/** One `vitest-chaos <name>` sub-command. */
export interface CliCommand {
  name: string
  /** Full usage text for `vitest-chaos <name> --help`. */
  usage: string
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[], io: CliIO): Promise<number>
}

/** A sub-command as `--help` lists it, its code imported only when it runs. */
export interface CliCommandEntry {
  name: string
  /** One line for `--help`. */
  summary: string
  load(): Promise<CliCommand>
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

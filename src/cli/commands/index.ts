import type { CliCommand } from '../cli-command.js'

/** Every sub-command, in the order `--help` lists them. */
export const commands: CliCommand[] = []

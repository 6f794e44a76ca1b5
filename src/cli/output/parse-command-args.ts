import { parseArgs, type ParseArgsConfig } from 'node:util'

/** Bad command-line usage: exit code 2, as click does. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The FILE argument and the option values of one command line. */
export interface ParsedCommand {
  file: string
  values: Record<string, string | boolean | (string | boolean)[] | undefined>
}

/**
 * `node:util` parseArgs with one positional FILE; unknown options and a missing FILE become UsageError.
 *
 * @example
 * const { file, values } = parseCommandArgs(argv, { 'fail-fast': { type: 'boolean' } })
 */
export const parseCommandArgs = (argv: string[], options: NonNullable<ParseArgsConfig['options']>): ParsedCommand => {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const [file, ...extra] = parsed.positionals
  if (file === undefined) throw new UsageError("missing argument 'FILE': give the path or URL of an experiment")
  if (extra.length > 0) throw new UsageError(`unexpected extra argument '${extra[0]}'`)
  return { file, values: parsed.values }
}

/** Checks a `--flag` value against its choices; undefined passes through. */
export const choiceOf = <T extends string>(flag: string, value: string | boolean | (string | boolean)[] | undefined, parse: (text: string) => T | undefined, choices: readonly string[]): T | undefined => {
  if (typeof value !== 'string') return undefined
  const parsed = parse(value)
  if (parsed === undefined) throw new UsageError(`invalid value for '--${flag}': '${value}' is not one of ${choices.join(', ')}`)
  return parsed
}

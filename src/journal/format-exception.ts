/**
 * An error as the journal's `exception` lines, like Python's `traceback.format_exception`: the stack
 * frames (causes first), and last the `<ErrorName>: <message>` line that readers show.
 *
 * @example
 * formatException(new Error('kaboom')).at(-1) // 'Error: kaboom\n'
 */
export const formatException = (error: unknown): string[] => {
  if (!(error instanceof Error)) return [`${String(error)}\n`]
  const cause = error.cause instanceof Error ? [...formatException(error.cause), '\nThe above exception was the direct cause of the following exception:\n\n'] : []
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).map((line) => `${line}\n`)
  return [...cause, ...frames, `${error.name}: ${error.message}\n`]
}

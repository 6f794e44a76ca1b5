import type { PythonException } from './python-protocol.js'

/**
 * A Python exception carried into JavaScript: named after its Python class, with the Python frames as
 * its stack, so the journal's `exception` lines show where in the Python code it was raised.
 *
 * @example
 * new PythonError({ type: 'ValueError', summary: 'ValueError: boom', message: 'boom', frames: [], traceback: [] }).name // 'ValueError'
 */
export class PythonError extends Error {
  readonly traceback: string[]

  constructor(exception: PythonException) {
    super(exception.message)
    this.name = exception.type
    this.traceback = exception.traceback
    const frames = exception.frames.map((frame) => `    at ${frame.name} (${frame.file}:${frame.line})`)
    this.stack = [`${exception.type}: ${exception.message}`, ...frames].join('\n')
  }
}

/** chaoslib's wording of an exception: `ValueError: boom`, `mymod.DatabaseDown: db is down`, or just `ValueError`. */
export const describePythonError = (exception: PythonException): string => exception.summary

import type { PythonException } from './python-protocol.js'

/**
 * A Python exception carried into JavaScript: named after its Python class, with the Python frames as
 * its stack, so the journal's `exception` lines show where in the Python code it was raised.
 *
 * @example
 * new PythonError({ type: 'ValueError', message: 'boom', frames: [], traceback: [] }).name // 'ValueError'
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

/** chaoslib's wording of an exception: `ValueError: boom`, or just `ValueError` without a message. */
export const describePythonError = (exception: PythonException): string =>
  exception.message === '' ? exception.type : `${exception.type}: ${exception.message}`

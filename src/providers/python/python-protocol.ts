// The JSON-lines protocol spoken with bridge.py (one request or answer per line).

/** A Python frame of a traceback. */
export interface PythonFrame {
  file: string
  line: number
  name: string
}

/** A Python exception as the bridge reports it. */
export interface PythonException {
  /** The exception class name, e.g. `ValueError`. */
  type: string
  /** chaoslib's wording: `traceback.format_exception_only`, e.g. `mymod.DatabaseDown: db is down`. */
  summary: string
  message: string
  frames: PythonFrame[]
  /** `traceback.format_exception` lines. */
  traceback: string[]
}

/** A function to call: an activity (`call`) or a control hook (`control`). */
export interface PythonRequest {
  op: 'call' | 'control'
  module: string
  func: string
  arguments?: Record<string, unknown>
  configuration?: Record<string, unknown>
  /** Every resolved scope; the bridge merges `secret_scopes` for activities. */
  secrets?: Record<string, unknown>
  /** The provider's `secrets` list, or null when it declares none (then nothing is injected). */
  secret_scopes?: string[] | null
  context?: unknown
  state?: unknown
  experiment?: unknown
  settings?: unknown
}

export type PythonAnswer =
  | {
      ok: true
      /** The return value as JSON text. */
      value: string
      /** Type names of the values that were not JSON and were written as their `repr`. */
      replaced: string[]
      /** What the call printed on stdout/stderr. */
      printed: string
      /** A control module without this hook. */
      missing?: boolean
      /** Controls: the `context` dict as the hook left it (JSON text), when the hook changed it. */
      context?: string
      /** Controls: the `state` dict as the hook left it (JSON text), when the hook changed it. */
      state?: string
    }
  | {
      ok: false
      /** `load`: the module or function could not be loaded; `call`: the function raised. */
      phase: 'load' | 'call'
      error: PythonException
      printed: string
    }

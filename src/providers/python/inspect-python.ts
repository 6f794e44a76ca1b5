import { spawnSync } from 'node:child_process'
import { bridgeScriptPath } from './bridge-script.js'
import { findPython } from './find-python.js'

/** A module function (activity) or a control module to check. */
export interface PythonTarget {
  kind: 'activity' | 'control'
  module: string
  func: string
  /** Argument names given in the experiment. */
  arguments: string[]
  /** The whole control declaration, for the module's own `validate_control(control)`. */
  control?: unknown
}

export interface BindingIssue {
  kind: 'missing' | 'unknown' | 'positional'
  argument: string
}

/** What Python says about one target. */
export type TargetReport =
  | { ok: true }
  | { ok: false; error: 'import'; message: string }
  | { ok: false; error: 'function'; exists: boolean }
  | { ok: false; error: 'binding'; problems: BindingIssue[] }
  | { ok: false; error: 'control'; message: string }

/** The interpreter used, or why there is none. */
export type PythonInspection =
  | { interpreter: { path: string; from: 'CHAOS_PYTHON' | 'PATH'; version: string }; reports: TargetReport[] }
  | { problem: string; hint: string }

const INSPECT_TIMEOUT_MS = 60_000

/**
 * Asks Python, in one interpreter start, whether each target can be imported, exposes its function
 * and binds its arguments (chaoslib's `validate_python_activity`). Synchronous, like validation.
 *
 * @example
 * inspectPython([{ kind: 'activity', module: 'os.path', func: 'exists', arguments: ['path'] }], process.env)
 */
export const inspectPython = (targets: PythonTarget[], env: NodeJS.ProcessEnv): PythonInspection => {
  const python = findPython(env)
  if ('problem' in python) return python
  const result = spawnSync(python.path, [bridgeScriptPath(), '--inspect'], {
    env,
    input: JSON.stringify({ targets }),
    encoding: 'utf8',
    timeout: INSPECT_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0 || result.error) {
    const why = result.error?.message ?? (result.stderr.trim().split('\n').at(-1) || `exit code ${String(result.status)}`)
    return { problem: `the Python interpreter ${python.path} could not inspect the experiment's modules: ${why}`, hint: 'check that it is Python 3 (set CHAOS_PYTHON to choose another)' }
  }
  const answer = JSON.parse(result.stdout) as { version: string; results: ({ error?: string } & Record<string, unknown>)[] }
  return {
    interpreter: { ...python, version: answer.version },
    reports: answer.results.map((report) => ({ ok: report.error === undefined, ...report }) as TargetReport),
  }
}

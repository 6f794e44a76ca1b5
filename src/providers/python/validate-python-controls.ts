import type { ExperimentIssue } from '../../errors.js'
import { isPlainObject } from '../../experiment/plain-object.js'
import type { PythonTarget } from './inspect-python.js'
import type { PythonInspector } from './python-inspector.js'

/** A python control declared somewhere in the document, with its JSON pointer. */
export interface DeclaredControl {
  control: Record<string, unknown>
  path: string
}

const listAt = (value: unknown, path: string): DeclaredControl[] =>
  Array.isArray(value) ? value.flatMap((control, index) => (isPlainObject(control) ? [{ control, path: `${path}/${index}` }] : [])) : []

/** Every control of the document (experiment, hypothesis, each activity) whose provider is a python module. */
export const pythonControlsOf = (document: Record<string, unknown>): DeclaredControl[] => {
  const hypothesis = isPlainObject(document['steady-state-hypothesis']) ? document['steady-state-hypothesis'] : {}
  const activities = (key: string, entries: unknown): DeclaredControl[] =>
    Array.isArray(entries) ? entries.flatMap((entry, index) => (isPlainObject(entry) ? listAt(entry.controls, `${key}/${index}/controls`) : [])) : []
  return [
    ...listAt(document.controls, '/controls'),
    ...listAt(hypothesis.controls, '/steady-state-hypothesis/controls'),
    ...activities('/steady-state-hypothesis/probes', hypothesis.probes),
    ...activities('/method', document.method),
    ...activities('/rollbacks', document.rollbacks),
  ].filter(({ control }) => isPlainObject(control.provider) && control.provider.type === 'python' && typeof control.provider.module === 'string' && control.provider.module !== '')
}

/** What validation asks Python about a control: its module, and its own `validate_control`. */
export const controlTarget = ({ control }: DeclaredControl): PythonTarget => ({
  kind: 'control',
  module: (control.provider as { module: string }).module,
  func: 'validate_control',
  arguments: [],
  control,
})

/**
 * chaoslib's `validate_python_control`: a control module that does not import is only a warning there
 * (the run skips it), but a module's own `validate_control(control)` that raises makes the experiment invalid.
 *
 * @example
 * pythonControlIssues(pythonControlsOf(document), inspect, locate)
 */
export const pythonControlIssues = (controls: DeclaredControl[], inspect: PythonInspector, locate?: (pointer: string) => string | undefined): ExperimentIssue[] =>
  controls.flatMap((declared) => {
    const inspected = inspect(controlTarget(declared))
    if ('problem' in inspected || inspected.report.ok || inspected.report.error !== 'control') return []
    const name = typeof declared.control.name === 'string' ? declared.control.name : '?'
    const location = locate?.(declared.path)
    return [{
      path: declared.path,
      code: 'invalid-control',
      message: `control '${name}' is invalid: ${inspected.report.message}`,
      hint: `its module's validate_control() refused the declaration`,
      ...(location ? { location } : {}),
    }]
  })

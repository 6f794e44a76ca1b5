import { inspectPython, type PythonInspection, type PythonTarget, type TargetReport } from './inspect-python.js'

/** What validation learns about one target: Python's report and the interpreter, or why there is no interpreter. */
export type InspectedTarget =
  | { interpreter: { path: string; from: 'CHAOS_PYTHON' | 'PATH'; version: string }; report: TargetReport }
  | { problem: string; hint: string }

/** Answers for targets known up front, from one interpreter start made on the first question. */
export type PythonInspector = (target: PythonTarget) => InspectedTarget

const keyOf = (target: PythonTarget): string => JSON.stringify([target.kind, target.module, target.func, [...target.arguments].sort(), target.control ?? null])

/**
 * An inspector for every python target of an experiment: Python is started once, when the first one
 * is asked about (so an experiment that only calls our catalog never starts it). A target not
 * announced up front is inspected on its own.
 *
 * @example
 * const inspect = createPythonInspector(targets, process.env)
 * inspect(targets[0]!) // { interpreter: {...}, report: { ok: true } }
 */
export const createPythonInspector = (targets: PythonTarget[], env: NodeJS.ProcessEnv): PythonInspector => {
  let inspection: PythonInspection | undefined
  const known = new Map<string, number>()
  const unique: PythonTarget[] = []
  for (const target of targets) {
    if (known.has(keyOf(target))) continue
    known.set(keyOf(target), unique.length)
    unique.push(target)
  }
  return (target) => {
    const index = known.get(keyOf(target))
    if (index === undefined) return createPythonInspector([target], env)(target)
    inspection ??= inspectPython(unique, env)
    if ('problem' in inspection) return inspection
    return { interpreter: inspection.interpreter, report: inspection.reports[index]! }
  }
}

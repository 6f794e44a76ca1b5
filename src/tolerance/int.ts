import { pythonEquals } from './python-semantics.js'
import type { ToleranceKind } from './tolerance-kind.js'

const statusOf = (value: unknown): { found: boolean; status?: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'status')
    ? { found: true, status: (value as { status: unknown }).status }
    : { found: false }

/** An integer: compared with `output.status` for process/http results (exit code, HTTP status), else with the output. */
export const intTolerance: ToleranceKind = {
  name: 'int',
  accepts: (tolerance) => typeof tolerance === 'number' && Number.isInteger(tolerance),
  check: (tolerance: number, value) => {
    const { found, status } = statusOf(value)
    return pythonEquals(found ? status : value, tolerance)
  },
}

export { statusOf }

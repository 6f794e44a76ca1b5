import type { ActivityCatalog } from '../experiment/activity-function.js'
import type { ChaosRunRecord } from './chaos-run-record.js'

/** Where chaos runs of the current test report to; set by the Vitest fixture or the Jest hooks. */
export interface RunScope {
  /** Aborted when the test ends early (timeout); runs stop and roll back. */
  signal?: AbortSignal
  /** Replaces the drivers' catalog for python activities. */
  catalog?: ActivityCatalog
  /** Folder for journals; default `.chaos/journals`. */
  journalDir?: string
  testPath?: string
  testName?: string
  record?: (run: ChaosRunRecord) => void
  /** Attaches a line to the running test (Vitest's `annotate`; JUnit shows it as a property). */
  annotate?: (message: string, type: string) => Promise<unknown>
  /** Keeps a pending run so the test's cleanup can wait for its rollbacks. */
  track?: (pending: Promise<unknown>) => void
}

let active: RunScope | undefined

/** Makes `scope` the one chaos matchers use until `leaveRunScope`. */
export const enterRunScope = (scope: RunScope): void => {
  active = scope
}

export const leaveRunScope = (scope: RunScope): void => {
  if (active === scope) active = undefined
}

export const currentRunScope = (): RunScope => active ?? {}

import { AsyncLocalStorage } from 'node:async_hooks'
import type { ActivityCatalog } from '../experiment/activity-function.js'
import type { ChaosRunRecord } from './chaos-run-record.js'

/** Where chaos runs of the current test report to; set by the Vitest fixture or the Jest wrapper. */
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

// one scope per asynchronous call chain, so concurrent tests never see each other's scope
const storage = new AsyncLocalStorage<RunScope>()

/**
 * Runs `fn` with `scope` as the scope of every chaos run started inside it, however deep its async calls go.
 *
 * @example
 * await runInScope({ testName: 'drain', record: (run) => runs.push(run) }, () => expect(app).toStaySteadyDuring(drain))
 */
export const runInScope = <T>(scope: RunScope, fn: () => T): T => storage.run(scope, fn)

/**
 * Makes `scope` the scope of the rest of the current async call chain (for a fixture, whose caller then runs the test).
 * Other chains, such as concurrent tests, keep their own.
 */
export const enterRunScope = (scope: RunScope): void => storage.enterWith(scope)

// the test a matcher's `this.task` names, for a chain that never entered a scope (the fixture ran in a beforeEach)
const scopesByTask = new WeakMap<object, RunScope>()

/** Lets matchers called with `task` (Vitest's matcher context) find the scope when their call chain has none. */
export const bindScopeToTask = (task: object, scope: RunScope): void => void scopesByTask.set(task, scope)

/** The scope of the current async call chain, else the one bound to `task`; empty outside a chaos test (e.g. in `beforeAll`). */
export const currentRunScope = (task?: object): RunScope => storage.getStore() ?? (task && scopesByTask.get(task)) ?? {}

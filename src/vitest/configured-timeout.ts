/** Vitest's own defaults: a value other than these was configured by the user (config file or CLI). */
const VITEST_DEFAULT_TEST_TIMEOUT_MS = 5_000

interface WorkerStateLike {
  config?: { testTimeout?: number }
}

/**
 * The `testTimeout` the user configured for this project, or undefined when Vitest's 5 s default is in force.
 * Vitest has no public getter for it inside a test file; the worker state is where its own `test()` reads it.
 */
export const configuredTestTimeout = (): number | undefined => {
  const state = (globalThis as { __vitest_worker__?: WorkerStateLike }).__vitest_worker__
  const timeout = state?.config?.testTimeout
  return timeout === undefined || timeout === VITEST_DEFAULT_TEST_TIMEOUT_MS ? undefined : timeout
}

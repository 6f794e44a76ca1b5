// What Vitest's and Jest's `this` inside a matcher have in common; isNot/promise are optional because Jest types them so.
export interface MatcherContextLike {
  isNot?: boolean
  promise?: string
  currentTestName?: string
  testPath?: string
  /** Vitest's running test; finds the test's run scope when the call chain has none. */
  task?: object
  utils: {
    matcherHint(name: string, received?: string, expected?: string, options?: { isNot?: boolean; promise?: string }): string
    printReceived(value: unknown): string
    printExpected(value: unknown): string
  }
}

/** What every chaos matcher returns; matchers never throw. */
export interface ChaosMatcherResult {
  pass: boolean
  message: () => string
  actual?: unknown
  expected?: unknown
}

/** The matcher's hint line, e.g. `expect(journal).not.toBeSteady()`. */
export const hintFor = (context: MatcherContextLike, name: string, received: string, expected = ''): string =>
  context.utils.matcherHint(name, received, expected, { isNot: context.isNot, promise: context.promise })

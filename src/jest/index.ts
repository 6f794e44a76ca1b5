import './setup.js'

export { chaosTest, createChaosTest, type JestChaosTest, type JestChaosTestOptions } from './chaos-test.js'
export type { ExpectedOutcome } from '../session/expect-outcome.js'
export type { ChaosMatchers } from './matcher-types.js'
export type { ChaosContext } from '../session/chaos-context.js'
export { chaosMatchers } from '../matchers/chaos-matchers.js'
export { expect } from '@jest/globals'

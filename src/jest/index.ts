import './setup.js'

export { chaosTest, createChaosTest, type JestChaosTest, type JestChaosTestOptions, type ExpectedOutcome } from './chaos-test.js'
export type { ChaosMatchers } from './matcher-types.js'
export type { ChaosContext } from '../matchers/chaos-context.js'
export { chaosMatchers } from '../matchers/chaos-matchers.js'
export { expect } from '@jest/globals'

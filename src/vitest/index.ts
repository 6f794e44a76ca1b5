import './setup.js'

export { chaosTest, createChaosTest, type ChaosTestOptions } from './chaos-test.js'
export { expectOutcome, type ExpectedOutcome, type ExperimentTestOptions } from './experiment-test.js'
export type { ChaosContext } from '../matchers/chaos-context.js'
export type { ChaosMatchers, ChaosTaskMeta } from './matcher-types.js'
export type { ChaosRunRecord, ChaosVerdict } from '../matchers/chaos-run-record.js'
export { chaosMatchers } from '../matchers/chaos-matchers.js'
export { expect } from 'vitest'

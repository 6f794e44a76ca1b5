export { chaosMatchers, type ChaosMatchers } from './chaos-matchers.js'
export type { StaySteadyOptions } from './to-stay-steady-during.js'
// the options the matchers take, defined in the session layer they hand them to
export type { Slo, LoadPhase, PhaseFigures, LoadReport, LoadReportLike } from '../session/load-report.js'
export type { ChaosLoadOptions } from '../session/start-phase-load.js'
export { recoverySecondsOf } from './to-recover-within.js'
export { isSteady } from './journal-verdict-matchers.js'
export type { ChaosMatcherResult, MatcherContextLike } from './matcher-context.js'

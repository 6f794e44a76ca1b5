/** The chaoslib release whose behaviour and journal shape we reproduce; written to `chaoslib-version`. */
export const CHAOSLIB_COMPAT_VERSION = '1.45.0'

/** Our own version, written under `journal['vitest-chaos'].version`. */
export const VITEST_CHAOS_VERSION = '0.1.0'

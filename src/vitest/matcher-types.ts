import type { ChaosMatchers } from '../matchers/chaos-matchers.js'
import type { ChaosTaskMeta } from '../session/chaos-run-record.js'

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends ChaosMatchers<T> {}
  interface TaskMeta {
    /** Every chaos run of the test (journal, verdict, recovery, load), for reporters. */
    chaos?: ChaosTaskMeta
  }
}

export type { ChaosMatchers, ChaosTaskMeta }

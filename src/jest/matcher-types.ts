import type { ChaosMatchers } from '../matchers/chaos-matchers.js'

declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
  interface Matchers<R extends void | Promise<void>, T = unknown> extends ChaosMatchers<R> {}
}

export type { ChaosMatchers }

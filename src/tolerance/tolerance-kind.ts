import type { Probe } from '../experiment/types.js'

/** What checking a tolerance may need besides the value. */
export interface ToleranceContext {
  /** `${name}` lookup: configuration first, then secrets (see `buildLookup`). */
  lookup: Record<string, unknown>
  /** Runs a probe-type tolerance's probe through its provider (no pauses, controls or journal entry). */
  runProbe?: (probe: Probe) => Promise<unknown>
}

/** One kind of tolerance: recognises its tolerances and checks a value against one. */
export interface ToleranceKind {
  readonly name: string
  accepts(tolerance: unknown): boolean
  check(tolerance: never, value: unknown, context: ToleranceContext): boolean | Promise<boolean>
}

/** True for a `{ type: <type>, ... }` tolerance object. */
export const isObjectOfType =
  (type: string) =>
  (tolerance: unknown): boolean =>
    typeof tolerance === 'object' && tolerance !== null && !Array.isArray(tolerance) && (tolerance as { type?: unknown }).type === type

const CHAOS_ERROR = Symbol.for('vitest-chaos.error')

/** One problem found in an experiment: where (JSON pointer), what, and what to do. */
export interface ExperimentIssue {
  /** JSON pointer into the experiment document, e.g. `/method/0/provider/func`. */
  path: string
  /** What is wrong, with Chaos Toolkit's own wording where it has one. */
  message: string
  /** What to do about it. */
  hint?: string
  /** Stable machine-readable code, e.g. `missing-title`. */
  code: string
  /** `file:line:col` when the experiment came from a file and the position is known. */
  location?: string
}

/**
 * Base of every error vitest-chaos throws. Findings (a missed tolerance, a failed activity)
 * are journal data, never errors; errors are for misuse and broken infrastructure.
 *
 * @example
 * try { await loadExperiment('exp.json') } catch (e) { if (isChaosError(e)) console.error(e.message) }
 */
export class ChaosError extends Error {
  override name = 'ChaosError'
  readonly [CHAOS_ERROR] = true

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** The experiment cannot run as written: every issue found is listed at once. */
export class InvalidExperimentError extends ChaosError {
  override name = 'InvalidExperimentError'

  constructor(
    readonly issues: readonly ExperimentIssue[],
    options?: { cause?: unknown; source?: string },
  ) {
    super(formatIssues(issues, options?.source), options)
  }
}

/** The experiment source could not be read or parsed (missing file, bad YAML, unreachable URL). */
export class InvalidSourceError extends ChaosError {
  override name = 'InvalidSourceError'
}

/** A provider or driver function could not do its job; recorded as a failed run, never thrown out of the engine. */
export class ActivityFailedError extends ChaosError {
  override name = 'ActivityFailedError'
}

/** A cluster could not be started, reached, or was refused (for example by the context allow-list). */
export class ClusterError extends ChaosError {
  override name = 'ClusterError'

  constructor(
    message: string,
    readonly provider: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** The run was interrupted (SIGINT, SIGTERM, a test timeout or an explicit abort). */
export class InterruptedError extends ChaosError {
  override name = 'InterruptedError'

  constructor(
    message: string,
    readonly graceful: boolean = true,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** True for any error thrown by vitest-chaos, also across realms (Jest's vm contexts) where `instanceof` fails. */
export const isChaosError = (error: unknown): error is ChaosError =>
  typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[CHAOS_ERROR] === true

const formatIssues = (issues: readonly ExperimentIssue[], source?: string): string => {
  const head = `${source ? `${source}: ` : ''}the experiment has ${issues.length} problem${issues.length === 1 ? '' : 's'}`
  const lines = issues.map((issue) => {
    const where = issue.location ?? (issue.path || '/')
    return `  ${where}  ${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`
  })
  return [head, ...lines].join('\n')
}

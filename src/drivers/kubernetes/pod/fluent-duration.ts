import { ActivityFailedError } from '../../../errors.js'

const UNIT_SECONDS: ReadonlyArray<[RegExp, number]> = [
  [/^(s|secs?|seconds?)$/, 1],
  [/^(m|mins?|minutes?)$/, 60],
  [/^(h|hrs?|hours?)$/, 3600],
  [/^(d|days?)$/, 86_400],
  [/^(w|weeks?)$/, 604_800],
]

/**
 * Seconds in a fluent duration such as `35s`, `10 minutes` or `2 hours ago` (what `read_pod_logs`'
 * `last` argument accepts through Python's dateparser).
 *
 * @example
 * parseFluentDuration('10 minutes') // 600
 */
export const parseFluentDuration = (text: string): number => {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*(?:ago)?\s*$/i.exec(text)
  const unit = match ? UNIT_SECONDS.find(([pattern]) => pattern.test(match[2]!.toLowerCase())) : undefined
  if (!match || !unit) {
    throw new ActivityFailedError(`read_pod_logs: cannot read the duration '${text}'; write it like '35s', '10 minutes' or '2 hours'`)
  }
  return Math.floor(Number(match[1]) * unit[1])
}

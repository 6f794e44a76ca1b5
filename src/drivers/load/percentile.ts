/** Nearest-rank percentile of ascending-sorted values (0 for none), rounded to microseconds. */
export const percentile = (sorted: ArrayLike<number>, p: number): number => {
  if (sorted.length === 0) return 0
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return Math.round(sorted[rank - 1]! * 1000) / 1000
}

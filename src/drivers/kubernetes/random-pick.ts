/** `qty` distinct items in random order, like Python's `random.sample`. */
export const sampleWithoutReplacement = <T>(items: readonly T[], qty: number): T[] => {
  const pool = [...items]
  const count = Math.min(Math.max(qty, 0), pool.length)
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(Math.random() * (pool.length - i))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return pool.slice(0, count)
}

/** `count` random items, duplicates possible, like Python's `random.choices(k=count)`. */
export const sampleWithReplacement = <T>(items: readonly T[], count: number): T[] =>
  items.length === 0 ? [] : Array.from({ length: Math.max(count, 0) }, () => items[Math.floor(Math.random() * items.length)]!)

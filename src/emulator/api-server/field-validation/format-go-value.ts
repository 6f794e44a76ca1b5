// Go's fmt %v of a decoded JSON value (map[string]interface{} and friends), as apiserver messages print patches.

const formatFloat = (value: number): string => {
  const magnitude = Math.abs(value)
  if (magnitude !== 0 && (magnitude >= 1e21 || magnitude < 1e-4 || (magnitude >= 1e6 && Number.isFinite(value)))) {
    const [mantissa, exponent] = value.toExponential().split('e') as [string, string]
    const sign = exponent.startsWith('-') ? '-' : '+'
    return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`
  }
  return String(value)
}

/** `map[spec:map[replicas:<nil> replicass:2]]`: keys sorted, nil as `<nil>`, slices as `[a b]`, floats as %v prints them. */
export const formatGoValue = (value: unknown): string => {
  if (value === null || value === undefined) return '<nil>'
  if (Array.isArray(value)) return `[${value.map(formatGoValue).join(' ')}]`
  if (typeof value === 'object') {
    const entries = Object.keys(value).sort().map((key) => `${key}:${formatGoValue((value as Record<string, unknown>)[key])}`)
    return `map[${entries.join(' ')}]`
  }
  if (typeof value === 'number') return formatFloat(value)
  return typeof value === 'string' ? value : JSON.stringify(value)
}

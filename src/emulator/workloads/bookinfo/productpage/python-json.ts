const asciiString = (text: string) =>
  JSON.stringify(text).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)

/** Python's `json.dumps` with its defaults (`", "` and `": "` separators, ASCII only), as productpage's JSON API answers. */
export const pythonJsonDumps = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`
  if (typeof value === 'string') return asciiString(value)
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined)
    return `{${entries.map(([key, item]) => `${asciiString(key)}: ${pythonJsonDumps(item)}`).join(', ')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

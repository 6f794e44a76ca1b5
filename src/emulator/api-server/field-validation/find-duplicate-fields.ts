// Duplicate keys in a JSON text, which JSON.parse silently collapses to the last one.

interface Frame {
  path: string
  keys?: Set<string>
  index: number
}

const readString = (text: string, start: number): [string, number] => {
  let end = start + 1
  while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1
  return [text.slice(start, end + 1), end + 1]
}

const childPath = (frame: Frame, key: string | undefined) => {
  if (key === undefined) return `${frame.path}[${frame.index}]`
  return frame.path ? `${frame.path}.${key}` : key
}

/**
 * Paths of keys that appear twice in the same JSON object (`spec.replicas`), in document order.
 * Expects text that JSON.parse accepts.
 */
export const findDuplicateFields = (text: string): string[] => {
  const duplicates: string[] = []
  const stack: Frame[] = []
  let pendingKey: string | undefined
  let position = 0
  while (position < text.length) {
    const char = text[position]!
    const frame = stack.at(-1)
    if (char === '"') {
      const [raw, next] = readString(text, position)
      position = next
      let after = position
      while (/\s/.test(text[after] ?? '')) after += 1
      if (frame?.keys && text[after] === ':') {
        const key = JSON.parse(raw) as string
        if (frame.keys.has(key)) duplicates.push(childPath(frame, key))
        frame.keys.add(key)
        pendingKey = key
        position = after + 1
      }
      continue
    }
    if (char === '{' || char === '[') {
      const path = frame ? childPath(frame, frame.keys ? pendingKey : undefined) : ''
      stack.push({ path, ...(char === '{' ? { keys: new Set<string>() } : {}), index: 0 })
    } else if (char === '}' || char === ']') stack.pop()
    else if (char === ',' && frame && !frame.keys) frame.index += 1
    position += 1
  }
  return duplicates
}

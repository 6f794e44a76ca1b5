// `pod-template-hash`: FNV-32a of the pod template, its decimal digits mapped through the name alphabet.
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export const fnv32a = (text: string): number => {
  let hash = 0x811c9dc5
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}

/** Kubernetes' `rand.SafeEncodeString`: every character becomes `alphabet[code % 27]`. */
export const safeEncode = (text: string): string => [...text].map((char) => ALPHABET[char.charCodeAt(0) % ALPHABET.length]).join('')

/**
 * Hashes the template (without any `pod-template-hash` label) the way the Deployment controller names ReplicaSets.
 * The digest is over canonical JSON, not Go's object dump, so values differ from a real cluster's; the shape is the same.
 */
export const podTemplateHash = (template: unknown, collisionCount = 0): string => {
  const copy = structuredClone(template) as { metadata?: { labels?: Record<string, string> } }
  if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash']
  const text = canonicalJson(copy) + (collisionCount > 0 ? String(collisionCount) : '')
  return safeEncode(String(fnv32a(text)))
}

// Headers that describe one connection, which a proxy never passes on.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'])

export const withoutHopByHop = <T>(headers: Record<string, T>): Record<string, T> => {
  const kept: Record<string, T> = {}
  for (const name in headers) {
    const value = headers[name]
    if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) kept[name] = value
  }
  return kept
}

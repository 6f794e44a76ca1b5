const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** Istio/protobuf durations: `7s`, `0.5s`, `100ms`, `1m`, `1h` → milliseconds; undefined when absent or malformed. */
export const parseDuration = (text: string | undefined): number | undefined => {
  if (!text) return undefined
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim())
  if (!match) return undefined
  return Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 1000)
}

/** 5000 → `5s`, 500 → `0.5s`: how the fault marker header names a delay. */
export const formatDuration = (ms: number): string => `${Number((ms / 1000).toFixed(3))}s`

/** One entry of a VirtualService's `spec.http`. */
export type HttpRoute = Record<string, unknown> & { route?: Array<{ destination?: { host?: string; subset?: string } }>; fault?: unknown }

/** A `(host, subset)` pair; a missing subset only matches a missing subset. */
export type Target = readonly [host: string | undefined, subset: string | undefined]

const same = (a: Target, b: Target) => a[0] === b[0] && a[1] === b[1]

/** The `(destination.host, destination.subset)` pairs of the `routes` argument, as chaosistio reads them. */
export const targetsOf = (routes: readonly unknown[]): Target[] =>
  routes.flatMap((route) => {
    const destination = (route as { destination?: { host?: string; subset?: string } } | null)?.destination
    return destination ? [[destination.host, destination.subset ?? undefined] as const] : []
  })

/** Indexes of the `http` entries with at least one destination in `targets` (matches are exact string equality). */
export const matchingEntries = (http: readonly HttpRoute[], targets: readonly Target[]): number[] =>
  http.flatMap((entry, index) =>
    (entry.route ?? []).some((r) => r.destination && targets.some((t) => same(t, [r.destination!.host, r.destination!.subset ?? undefined])))
      ? [index]
      : [],
  )

/** A copy of `http` whose matching entries have their whole `fault` replaced by `fault`. */
export const withFault = (http: readonly HttpRoute[], indexes: readonly number[], fault: unknown): HttpRoute[] =>
  http.map((entry, index) => (indexes.includes(index) ? { ...structuredClone(entry), fault: structuredClone(fault) } : structuredClone(entry)))

/** A copy of `http` whose matching entries have no `fault` key. */
export const withoutFault = (http: readonly HttpRoute[], indexes: readonly number[]): HttpRoute[] =>
  http.map((entry, index) => {
    const copy = structuredClone(entry)
    if (indexes.includes(index)) delete copy.fault
    return copy
  })

/** Lists the destinations of `http` for error messages, e.g. `reviews/v1, reviews/v2`. */
export const describeDestinations = (http: readonly HttpRoute[]): string =>
  [...new Set(http.flatMap((entry) => (entry.route ?? []).map((r) => `${r.destination?.host ?? '?'}${r.destination?.subset ? `/${r.destination.subset}` : ''}`)))].join(', ') || 'none'

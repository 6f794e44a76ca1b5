import type { Destination, HTTPRouteDestination } from './istio-types.js'

/** Weighted choice; one destination gets everything, weight 0 drops one, weights need not sum to 100. */
export const pickDestination = (destinations: HTTPRouteDestination[] | undefined, random: () => number): Destination | undefined => {
  if (!destinations?.length) return undefined
  if (destinations.length === 1) return destinations[0]?.destination
  const total = destinations.reduce((sum, entry) => sum + Math.max(0, entry.weight ?? 0), 0)
  if (total <= 0) return destinations[Math.floor(random() * destinations.length)]?.destination
  let draw = random() * total
  for (const entry of destinations) {
    draw -= Math.max(0, entry.weight ?? 0)
    if (draw < 0) return entry.destination
  }
  return destinations.filter((entry) => (entry.weight ?? 0) > 0).at(-1)?.destination
}

import type { HTTPFaultInjection } from './istio-types.js'
import { formatDuration, parseDuration } from './parse-duration.js'

export interface FaultDraw {
  delayMs?: number
  abortStatus?: number
  /** `delay=5s`, `abort=500`, `delay=7s, abort=500`: the value of the fault marker header. */
  marker?: string
}

/** Header that tells a test an injected fault shaped this response. */
export const FAULT_HEADER = 'x-vitest-chaos-fault'

/** Percent in [0, 100]; absent ⇒ 0 (Istio injects nothing without a percentage). */
const fires = (percent: number | undefined, random: () => number): boolean =>
  percent !== undefined && percent > 0 && random() * 100 < percent

/** Draws delay and abort independently, as Envoy's fault filter does; the legacy `delay.percent` counts only without `percentage`. */
export const drawFault = (fault: HTTPFaultInjection | undefined, random: () => number): FaultDraw => {
  const draw: FaultDraw = {}
  const markers: string[] = []
  const delay = fault?.delay
  const delayMs = parseDuration(delay?.fixedDelay)
  if (delay && delayMs !== undefined && fires(delay.percentage?.value ?? delay.percent, random)) {
    draw.delayMs = delayMs
    markers.push(`delay=${formatDuration(delayMs)}`)
  }
  const abort = fault?.abort
  if (abort?.httpStatus !== undefined && fires(abort.percentage?.value, random)) {
    draw.abortStatus = abort.httpStatus
    markers.push(`abort=${abort.httpStatus}`)
  }
  if (markers.length) draw.marker = markers.join(', ')
  return draw
}

import { configuration, list, required, requiredString, secrets, string } from '../shared/activity-params.js'

/** chaosistio's default API version for VirtualServices. */
export const DEFAULT_ISTIO_VERSION = 'networking.istio.io/v1alpha3'

/** A route target as chaosistio reads it: the exact `host` and (optional) `subset` of a route destination. */
export interface FaultRoute {
  destination: { host: string; subset?: string }
}

/** An Istio duration such as `5s`, `1.5s` or `100ms`. */
export type IstioDuration = `${number}${'ms' | 's' | 'm' | 'h'}`

/** The VirtualService every chaosistio function names. */
export const virtualServiceName = {
  /** The VirtualService's name. */
  virtualService: requiredString('virtual_service_name'),
}

/** Where the VirtualService is, and the context every chaosistio function takes last. */
export const placement = {
  ns: string('ns', 'default'),
  /** API group/version; default `networking.istio.io/v1alpha3`. */
  version: string('version', DEFAULT_ISTIO_VERSION),
  configuration: configuration(),
  secrets: secrets(),
}

/** The route destinations to put the fault on (exact host and subset). */
export const routes = required(list<FaultRoute[]>('routes'))

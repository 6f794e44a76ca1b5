// The parts of the Istio networking.istio.io/v1 schema the mesh honours; field names as in the CRD.

export interface StringMatch {
  exact?: string
  prefix?: string
  regex?: string
}

export interface HTTPMatchRequest {
  name?: string
  uri?: StringMatch
  scheme?: StringMatch
  method?: StringMatch
  authority?: StringMatch
  headers?: Record<string, StringMatch>
  withoutHeaders?: Record<string, StringMatch>
  queryParams?: Record<string, StringMatch>
  ignoreUriCase?: boolean
  port?: number
  sourceLabels?: Record<string, string>
  sourceNamespace?: string
  gateways?: string[]
}

export interface Destination {
  host: string
  subset?: string
  port?: { number?: number }
}

export interface HTTPRouteDestination {
  destination: Destination
  weight?: number
}

export interface Percent {
  value?: number
}

export interface HTTPFaultInjection {
  delay?: { fixedDelay?: string; percentage?: Percent; percent?: number }
  abort?: { httpStatus?: number; percentage?: Percent }
}

export interface HTTPRetry {
  attempts?: number
  perTryTimeout?: string
  retryOn?: string
  retryRemoteLocalities?: boolean
}

export interface HTTPRoute {
  name?: string
  match?: HTTPMatchRequest[]
  route?: HTTPRouteDestination[]
  fault?: HTTPFaultInjection
  timeout?: string
  retries?: HTTPRetry
}

export interface VirtualServiceSpec {
  hosts?: string[]
  gateways?: string[]
  http?: HTTPRoute[]
}

export interface TrafficPolicy {
  loadBalancer?: { simple?: string }
}

export interface Subset {
  name: string
  labels?: Record<string, string>
  trafficPolicy?: TrafficPolicy
}

export interface DestinationRuleSpec {
  host?: string
  trafficPolicy?: TrafficPolicy
  subsets?: Subset[]
}

export interface GatewaySpec {
  selector?: Record<string, string>
  servers?: { port?: { number?: number; name?: string; protocol?: string }; hosts?: string[] }[]
}

import type { IncomingHttpHeaders } from 'node:http'

/** The tracing and identity headers bookinfo services copy from their incoming request to every outgoing one. */
export const PROPAGATED_HEADERS = [
  'x-request-id',
  'x-ot-span-context',
  'x-datadog-trace-id',
  'x-datadog-parent-id',
  'x-datadog-sampling-priority',
  'traceparent',
  'tracestate',
  'x-cloud-trace-context',
  'grpc-trace-bin',
  'sw8',
  'user-agent',
  'cookie',
  'authorization',
  'jwt',
  'x-b3-traceid',
  'x-b3-spanid',
  'x-b3-parentspanid',
  'x-b3-sampled',
  'x-b3-flags',
  'b3',
] as const

const PROPAGATED = new Set<string>(PROPAGATED_HEADERS)

/** Copies the propagated headers present on `incoming`, plus any `extra` names (reviews adds `end-user`). */
export const forwardHeaders = (incoming: IncomingHttpHeaders, extra: readonly string[] = []): Record<string, string> => {
  const headers: Record<string, string> = {}
  // A request carries a dozen headers and bookinfo knows twenty names: walk the request's.
  for (const name in incoming) {
    const value = incoming[name]
    if (value !== undefined && (PROPAGATED.has(name) || extra.includes(name))) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

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

/** Copies the propagated headers present on `incoming`, plus any `extra` names (reviews adds `end-user`). */
export const forwardHeaders = (incoming: IncomingHttpHeaders, extra: readonly string[] = []): Record<string, string> => {
  const headers: Record<string, string> = {}
  for (const name of [...PROPAGATED_HEADERS, ...extra]) {
    const value = incoming[name]
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

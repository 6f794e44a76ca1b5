/** RFC 3339 with second precision, as Kubernetes writes `creationTimestamp` and condition times. */
export const kubeNow = (at: number = Date.now()): string => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')

/** RFC 3339 with microseconds, as `events.k8s.io` writes `eventTime`. */
export const kubeMicroNow = (at: number = Date.now()): string => new Date(at).toISOString().replace(/Z$/, '000Z')

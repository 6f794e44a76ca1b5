/**
 * The `reason` and `message` of a Kubernetes Status body (what a failed API call answers), when the body is one.
 *
 * @example
 * readStatusBody('{"kind":"Status","reason":"NotFound","message":"pods \"x\" not found"}') // { reason: 'NotFound', message: 'pods "x" not found' }
 */
export const readStatusBody = (body: string): { message: string; reason?: string } | undefined => {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; reason?: unknown }
    if (typeof parsed.message !== 'string') return undefined
    return typeof parsed.reason === 'string' ? { message: parsed.message, reason: parsed.reason } : { message: parsed.message }
  } catch {
    return undefined
  }
}

// What a failed watch attempt means for the next one, from the Status the API server sent (an ERROR event) or
// the HTTP status of the watch request itself.

/** The Status object of a watch ERROR event (kube-apiserver 1.32), as far as retrying needs it. */
export interface WatchStatus {
  code?: number
  reason?: string
  message?: string
  details?: { retryAfterSeconds?: number }
}

/** `relist`: the resourceVersion is gone, start over from the current state; `retry`: same again, later; `give-up`. */
export interface WatchProblem {
  next: 'relist' | 'retry' | 'give-up'
  /** Wait before the next attempt, when the server said (retryAfterSeconds). */
  retryAfterMs?: number
  status?: number
  description: string
}

const isRetryable = (code: number | undefined): boolean => code === undefined || code === 429 || code >= 500

/** Reads an ERROR event's Status. */
export const problemOfStatus = (status: WatchStatus): WatchProblem => {
  const retryAfterSeconds = status.details?.retryAfterSeconds
  const description = `${status.code ?? '?'} ${status.reason ?? ''}: ${status.message ?? 'no message'}`.replace(' :', ':')
  const base = { ...(status.code === undefined ? {} : { status: status.code }), description, ...(retryAfterSeconds ? { retryAfterMs: retryAfterSeconds * 1000 } : {}) }
  if (status.code === 410 || status.reason === 'Expired' || status.reason === 'Gone') return { ...base, next: 'relist' }
  return { ...base, next: isRetryable(status.code) ? 'retry' : 'give-up' }
}

/** Reads the error client-node's Watch ends with: an HTTP status (`statusCode`) or a network error. */
export const problemOfError = (error: unknown): WatchProblem => {
  const code = (error as { statusCode?: number } | undefined)?.statusCode
  const description = `${code ?? 'connection'} ${error instanceof Error ? error.message : String(error)}`
  if (code === 410) return { next: 'relist', status: code, description }
  return { next: isRetryable(code) ? 'retry' : 'give-up', ...(code === undefined ? {} : { status: code }), description }
}

import { ApiException } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../errors.js'
import { readStatusBody } from '../../kube/status-message.js'

/** The HTTP status of a failed Kubernetes API call, or undefined when it never got an answer. */
export const apiStatus = (error: unknown): number | undefined =>
  error instanceof ApiException ? error.code : undefined

/** The raw response body of a failed API call, as chaosk8s puts `x.body` into its messages. */
export const apiBody = (error: unknown): string => {
  if (error instanceof ApiException) {
    const body: unknown = error.body
    if (typeof body === 'string') return body
    return body === undefined ? '' : JSON.stringify(body)
  }
  return error instanceof Error ? error.message : String(error)
}

const statusMessage = (body: string): string | undefined => {
  const status = readStatusBody(body)
  return status?.reason ? `${status.reason}: ${status.message}` : status?.message
}

/** Turns an error from client-node into a one-line description: `(404) NotFound: pods "x" not found`. */
export const describeApiError = (error: unknown): string => {
  if (error instanceof ApiException) {
    const body = apiBody(error)
    return `(${error.code}) ${statusMessage(body) ?? (body || 'no response body')}`
  }
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause?.code
  const message = error instanceof Error ? error.message : String(error)
  return cause ? `${message} (${cause})` : message
}

/**
 * Runs one Kubernetes API call; any failure becomes an `ActivityFailedError` that says which call failed
 * and why, keeping the original error as `cause`.
 *
 * @example
 * const pods = await callApi('list pods in ns bookinfo', () => core.listNamespacedPod({ namespace: 'bookinfo' }))
 */
export const callApi = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
  try {
    return await call()
  } catch (error) {
    if (error instanceof ActivityFailedError) throw error
    throw new ActivityFailedError(`Kubernetes API call failed (${what}): ${describeApiError(error)}`, { cause: error })
  }
}

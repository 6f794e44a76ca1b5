// The ERROR events a real kube-apiserver (1.32) ends a watch with, for the watchFault test hook.
import { failure, type StatusBody } from '../registry/status.js'

/**
 * 504 while the watch cache lags behind etcd, verbatim from a watch of /api/v1/namespaces/bookinfo/pods without
 * resourceVersion (issue 10): the client should come back after `retryAfterSeconds`.
 */
export const tooLargeResourceVersion = (requested: number, current: number, retryAfterSeconds = 1): StatusBody =>
  failure(504, 'Timeout', `Timeout: Too large resource version: ${requested}, current: ${current}`, {
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
    retryAfterSeconds,
  })

/** 410 when the resourceVersion asked for is older than the server keeps: the client must list again. */
export const resourceVersionGone = (requested: number, oldest: number): StatusBody =>
  failure(410, 'Expired', `too old resource version: ${requested} (${oldest})`)

/** 429 from API priority and fairness. */
export const tooManyRequests = (retryAfterSeconds = 1): StatusBody =>
  failure(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds })

/** 500 when etcd does not answer in time. */
export const internalError = (): StatusBody => failure(500, 'InternalError', 'Internal error occurred: etcdserver: request timed out')

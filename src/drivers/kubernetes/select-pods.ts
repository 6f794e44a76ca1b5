import type { CoreV1Api, V1Pod } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../errors.js'
import { callApi } from '../shared/api-error.js'
import { sampleWithoutReplacement } from './random-pick.js'

/** Pod selection shared by `terminate_pods` and `exec_in_pods` (chaosk8s `_select_pods`). */
export interface PodSelection {
  labelSelector?: string | undefined
  namePattern?: string | undefined
  all: boolean
  rand: boolean
  mode: string
  qty: number
  ns: string
  order: string
}

const compilePattern = (pattern: string): RegExp => {
  try {
    return new RegExp(pattern)
  } catch (error) {
    throw new ActivityFailedError(`Cannot select pods. Name pattern '${pattern}' is not a valid regular expression: ${(error as Error).message}`)
  }
}

/** Checks the arguments before anything is listed, with chaosk8s' messages. */
export const checkPodSelection = ({ qty, mode, order }: PodSelection): void => {
  if (qty < 0) throw new ActivityFailedError(`Cannot select pods. Quantity '${qty}' is negative.`)
  if (mode !== 'fixed' && mode !== 'percentage') throw new ActivityFailedError(`Cannot select pods. Mode '${mode}' is invalid.`)
  if (order !== 'alphabetic' && order !== 'oldest') throw new ActivityFailedError(`Cannot select pods. Order '${order}' is invalid.`)
}

const creationTime = (pod: V1Pod): number => new Date(pod.metadata?.creationTimestamp ?? 0).getTime()

/**
 * Lists the pods of `ns` (by label), keeps those whose name the pattern finds (unanchored search),
 * orders them (`oldest` sorts by creation time; `alphabetic` keeps the API order), then takes
 * `qty` (or `ceil(qty × n / 100)` in percentage mode), randomly when `rand`; `all` takes every one.
 *
 * @example
 * const pods = await selectPods(core, { ns: 'bookinfo', labelSelector: 'app=ratings', all: false, rand: true, mode: 'percentage', qty: 50, order: 'alphabetic' })
 */
export const selectPods = async (core: CoreV1Api, selection: PodSelection): Promise<V1Pod[]> => {
  checkPodSelection(selection)
  const { labelSelector, namePattern, ns } = selection
  const list = await callApi(`list pods in namespace '${ns}'`, () =>
    core.listNamespacedPod({ namespace: ns, ...(labelSelector ? { labelSelector } : {}) }),
  )
  let pods = list.items
  if (namePattern) {
    const pattern = compilePattern(namePattern)
    pods = pods.filter((pod) => pattern.test(pod.metadata?.name ?? ''))
  }
  if (selection.order === 'oldest') pods = [...pods].sort((a, b) => creationTime(a) - creationTime(b))
  if (selection.all) return pods
  const wanted = selection.mode === 'percentage' ? Math.ceil((selection.qty * pods.length) / 100) : selection.qty
  const qty = Math.min(wanted, pods.length)
  return selection.rand ? sampleWithoutReplacement(pods, qty) : pods.slice(0, qty)
}

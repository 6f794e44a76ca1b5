// What the conformance suite reads from a cluster, over the same client-node API the drivers use.
import { CoreV1Api, KubeConfig, type V1Pod } from '@kubernetes/client-node'
import type { ActivityFunctionContext } from '../../src/experiment/activity-function.js'
import { driverCatalog } from '../../src/drivers/catalog.js'
import { waitForObjects } from '../../src/clusters/readiness.js'

export const NS = 'bookinfo'

export const kubeClient = (kubeconfig: string) => {
  const kc = new KubeConfig()
  kc.loadFromString(kubeconfig)
  return { kc, core: kc.makeApiClient(CoreV1Api) }
}

/** Calls a Chaos Toolkit driver function the way the python provider does. */
export const callDriver = async (module: string, func: string, args: Record<string, unknown>, logs: string[] = []): Promise<unknown> => {
  const fn = driverCatalog[module]?.[func]
  if (!fn) throw new Error(`${module}.${func} is not in driverCatalog`)
  const context: ActivityFunctionContext = { signal: new AbortController().signal, log: (line) => logs.push(line), strict: true }
  return await fn.run(args, context)
}

export const isPodReady = (pod: V1Pod): boolean =>
  pod.metadata?.deletionTimestamp === undefined &&
  (pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false)

/** Watches bookinfo pods until `isDone` holds for the current set. */
export const watchBookinfoPods = (kc: KubeConfig, what: string, isDone: (pods: V1Pod[]) => boolean, timeoutMs = 120_000) =>
  waitForObjects<V1Pod>(kc, `/api/v1/namespaces/${NS}/pods`, { isDone, describe: () => what }, { timeoutMs, provider: 'conformance' })

/** Milliseconds one GET of the product page takes, and its status. */
export const timeProductPage = async (base: string): Promise<{ ms: number; status: number }> => {
  const started = performance.now()
  const response = await fetch(`${base}/productpage`, { signal: AbortSignal.timeout(20_000) })
  await response.arrayBuffer()
  return { ms: performance.now() - started, status: response.status }
}

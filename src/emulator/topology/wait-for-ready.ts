// Resolves once every node is Ready and every Deployment and DaemonSet is fully available, by watching the store.
import type { Store } from '../store/store.js'

type Obj = { metadata: { generation?: number }; spec?: Record<string, unknown>; status?: Record<string, unknown> }

const nodeReady = (node: Obj) => ((node.status?.conditions as { type: string; status: string }[] | undefined) ?? []).some((c) => c.type === 'Ready' && c.status === 'True')

const deploymentAvailable = (deployment: Obj) => {
  const desired = Number(deployment.spec?.replicas ?? 1)
  const status = deployment.status ?? {}
  return (
    Number(status.observedGeneration ?? 0) >= Number(deployment.metadata.generation ?? 1) &&
    Number(status.updatedReplicas ?? 0) === desired &&
    Number(status.availableReplicas ?? 0) === desired &&
    Number(status.replicas ?? 0) === desired
  )
}

const daemonSetAvailable = (ds: Obj) => {
  const status = ds.status ?? {}
  const desired = Number(status.desiredNumberScheduled ?? 0)
  return desired > 0 && Number(status.numberAvailable ?? 0) === desired && Number(status.updatedNumberScheduled ?? 0) === desired
}

/** What is still not ready, as short descriptions (empty when the cluster is ready). */
export const notReady = (store: Store): string[] => [
  ...store.list('nodes').filter((n) => !nodeReady(n)).map((n) => `node/${n.metadata.name}`),
  ...store.list('apps/deployments').filter((d) => !deploymentAvailable(d)).map((d) => `deployment/${d.metadata.namespace}/${d.metadata.name}`),
  ...store.list('apps/daemonsets').filter((d) => !daemonSetAvailable(d)).map((d) => `daemonset/${d.metadata.namespace}/${d.metadata.name}`),
]

/** Waits for readiness, re-checking on each store change; rejects after `timeoutMs` naming what is not ready. */
export const waitForReady = (store: Store, timeoutMs: number): Promise<void> =>
  new Promise((resolve, reject) => {
    let immediate: NodeJS.Immediate | undefined
    const finish = (error?: Error) => {
      clearTimeout(timer)
      if (immediate) clearImmediate(immediate)
      unwatch()
      if (error) reject(error)
      else resolve()
    }
    const check = () => {
      immediate = undefined
      if (notReady(store).length === 0) finish()
    }
    const unwatch = store.watch('*', {}, () => {
      immediate ??= setImmediate(check)
    })
    const timer = setTimeout(() => {
      finish(new Error(`the emulated cluster was not ready after ${timeoutMs} ms; still waiting for: ${notReady(store).join(', ')}. Check the pods with kubectl get pods -A.`))
    }, timeoutMs)
    check()
  })

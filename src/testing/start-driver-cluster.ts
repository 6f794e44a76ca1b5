// The emulated cluster a driver test runs against: no bookinfo, an idle program, the test's namespaces made, and
// the client-node APIs and a `call` that hands the cluster's kubeconfig to the driver through its context.
import { AppsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node'
import type { ActivityFunction } from '../experiment/activity-function.js'
import { startEmulatedCluster, type EmulatedCluster } from '../emulator/index.js'
import type { Program } from '../emulator/index.js'
import { callActivity, idleProgram } from './call-activity.js'

/** A started driver-test cluster; `stop()` (or `await using`) ends it. */
export interface DriverCluster extends AsyncDisposable {
  cluster: EmulatedCluster
  kc: KubeConfig
  core: CoreV1Api
  apps: AppsV1Api
  custom: CustomObjectsApi
  /** Runs a catalog function against this cluster (compatible mode unless `strict`). */
  call(fn: ActivityFunction | undefined, args?: Record<string, unknown>, options?: { strict?: boolean; log?: (line: string) => void }): Promise<unknown>
  stop(): Promise<void>
}

/**
 * Starts an emulated cluster for a driver test, with `namespaces` created and image `idle` mapped to a container
 * that does nothing.
 *
 * @example
 * const driver = await startDriverCluster({ namespaces: ['secrets'] })
 * await driver.call(catalog['chaosk8s.secret.actions']!.delete_secret, { name: 'db', ns: 'secrets' })
 */
export const startDriverCluster = async (options: { namespaces?: string[]; programs?: Record<string, Program> } = {}): Promise<DriverCluster> => {
  const cluster = await startEmulatedCluster({ bookinfo: false, programs: new Map(Object.entries({ idle: idleProgram, ...options.programs })) })
  const kc = new KubeConfig()
  kc.loadFromString(cluster.kubeconfig)
  const core = kc.makeApiClient(CoreV1Api)
  for (const name of options.namespaces ?? []) await core.createNamespace({ body: { metadata: { name } } })
  const stop = () => cluster.stop()
  return {
    cluster,
    kc,
    core,
    apps: kc.makeApiClient(AppsV1Api),
    custom: kc.makeApiClient(CustomObjectsApi),
    call: (fn, args = {}, { strict = false, log } = {}) => callActivity(fn, args, { strict, kubeconfig: cluster.kubeconfigPath, ...(log ? { log } : {}) }),
    stop,
    [Symbol.asyncDispose]: stop,
  }
}

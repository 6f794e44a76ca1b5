import { KubeConfig, type KubernetesObject } from '@kubernetes/client-node'
import { resolve } from 'node:path'
import { ClusterError } from '../errors.js'
import { applyManifests, readManifests } from '../kube/apply-manifests.js'
import type { ProcessPrograms } from '../emulator/index.js'
import type { CommonClusterOptions } from './cluster-provider.js'
import type { ClusterProviderName, StartedCluster } from './started-cluster.js'
import { waitForWorkloadsReady, workloadsOf } from './wait-for-workloads.js'

/** What reading and applying the user's manifests needs of `startCluster`'s options, whatever the provider. */
type UserManifestOptions = CommonClusterOptions & { provider?: ClusterProviderName; programs?: ProcessPrograms }

const EMULATED_READY_TIMEOUT_MS = 60_000
const REAL_READY_TIMEOUT_MS = 10 * 60_000

interface PodSpecHolder {
  spec?: { containers?: { image?: string }[]; template?: { spec?: { containers?: { image?: string }[] } } }
}

const imagesOf = (objects: readonly KubernetesObject[]): string[] => [
  ...new Set(objects.flatMap((object) => {
    const spec = (object as PodSpecHolder).spec
    return (spec?.template?.spec?.containers ?? spec?.containers ?? []).flatMap((container) => (container.image ? [container.image] : []))
  })),
]

/** On the emulated cluster, says which images no program stands for (they get the default web server). */
const logUnmappedImages = async (objects: readonly KubernetesObject[], options: UserManifestOptions) => {
  const { hasBuiltInProgram, imageName } = await import('../emulator/index.js')
  for (const image of imagesOf(objects)) {
    if (hasBuiltInProgram(image) || Object.hasOwn(options.programs ?? {}, imageName(image))) continue
    options.log?.(`image ${image} has no program: the default web server (200 on every path) stands in for it; map it with programs: { '${imageName(image)}': { command: [...] } }`)
  }
}

/** The objects of `options.manifests`, read before any cluster starts so a bad path costs nothing. */
export const readUserManifests = async (options: UserManifestOptions): Promise<KubernetesObject[]> => {
  const paths = options.manifests ?? []
  const provider = options.provider ?? 'emulated'
  try {
    return await readManifests(paths.map((path) => resolve(path)), 'default')
  } catch (error) {
    throw new ClusterError(`${provider} cluster: cannot read the manifests ${paths.join(', ')}: ${(error as Error).message}; paths are relative to ${process.cwd()}`, provider, { cause: error })
  }
}

/** Applies the user's manifest objects (after bookinfo) and waits until their workloads are Ready, or fails naming the pod that cannot start. */
export const applyUserManifests = async (cluster: StartedCluster, objects: readonly KubernetesObject[], options: UserManifestOptions): Promise<void> => {
  if (objects.length === 0) return
  const kc = new KubeConfig()
  kc.loadFromString(cluster.kubeconfig)
  options.log?.(`applying ${objects.length} objects from ${(options.manifests ?? []).join(', ')}`)
  await applyManifests(kc, objects, cluster.provider)
  if (cluster.provider === 'emulated') await logUnmappedImages(objects, options)
  const timeoutMs = options.readyTimeoutMs ?? (cluster.provider === 'emulated' ? EMULATED_READY_TIMEOUT_MS : REAL_READY_TIMEOUT_MS)
  await waitForWorkloadsReady(kc, workloadsOf(objects), { timeoutMs, provider: cluster.provider, ...(options.signal ? { signal: options.signal } : {}) })
}

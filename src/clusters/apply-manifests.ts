import { KubernetesObjectApi, PatchStrategy, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { ClusterError } from '../errors.js'

const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass'])

/** Every object in the `.yaml`/`.yml` files of a folder (sorted by file name), with `namespace` filled in where missing. */
export const readManifests = async (dir: string, namespace: string): Promise<KubernetesObject[]> => {
  const files = (await readdir(dir)).filter((file) => /\.ya?ml$/.test(file)).sort()
  const objects: KubernetesObject[] = []
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8')
    for (const document of parseAllDocuments(text)) {
      const object = document.toJS() as KubernetesObject | null
      if (!object?.kind) continue
      if (!CLUSTER_SCOPED.has(object.kind)) object.metadata = { ...object.metadata, namespace: object.metadata?.namespace ?? namespace }
      objects.push(object)
    }
  }
  return objects
}

/** `kubectl apply --server-side` for each object, in order. */
export const applyManifests = async (kc: KubeConfig, objects: readonly KubernetesObject[], provider: string): Promise<void> => {
  const client = KubernetesObjectApi.makeApiClient(kc)
  for (const object of objects) {
    try {
      await client.patch(object, undefined, undefined, 'vitest-chaos', true, PatchStrategy.ServerSideApply)
    } catch (error) {
      throw new ClusterError(`${provider} cluster: could not apply ${object.kind}/${object.metadata?.name ?? '?'}: ${(error as Error).message.split('\n')[0]}`, provider, { cause: error })
    }
  }
}

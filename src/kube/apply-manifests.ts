import { ApiException, KubernetesObjectApi, PatchStrategy, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node'
import { readFile } from 'node:fs/promises'
import { parseAllDocuments } from 'yaml'
import { ClusterError } from '../errors.js'
import { isClusterScoped } from './cluster-scoped-kinds.js'

/** Every object in the given YAML files, in order, with `namespace` filled in where missing. */
export const readManifests = async (paths: readonly string[], namespace: string): Promise<KubernetesObject[]> => {
  const objects: KubernetesObject[] = []
  for (const path of paths) {
    const text = await readFile(path, 'utf8')
    for (const document of parseAllDocuments(text)) {
      const object = document.toJS() as KubernetesObject | null
      if (!object?.kind) continue
      if (!isClusterScoped(object.kind)) object.metadata = { ...object.metadata, namespace: object.metadata?.namespace ?? namespace }
      objects.push(object)
    }
  }
  return objects
}

const isNotFound = (error: unknown) => error instanceof ApiException && error.code === 404

/** `kubectl apply --server-side` for each object, in order; an API server that will not create on apply gets a create. */
export const applyManifests = async (kc: KubeConfig, objects: readonly KubernetesObject[], provider: string): Promise<void> => {
  const client = KubernetesObjectApi.makeApiClient(kc)
  for (const object of objects) {
    try {
      await client.patch(object, undefined, undefined, 'vitest-chaos', true, PatchStrategy.ServerSideApply).catch((error: unknown) => {
        if (isNotFound(error)) return client.create(object, undefined, undefined, 'vitest-chaos')
        throw error
      })
    } catch (error) {
      throw new ClusterError(`${provider} cluster: could not apply ${object.kind}/${object.metadata?.name ?? '?'}: ${(error as Error).message.split('\n')[0]}`, provider, { cause: error })
    }
  }
}

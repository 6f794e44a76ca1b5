import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { packageRoot } from '../../package-files.js'

/**
 * The default bookinfo deployment, in apply order, relative to the package root: the seed article's setup
 * (namespace `bookinfo`, ratings-v2 × 6 with MongoDB, reviews → v3 and the rest → v1, the ingress gateway).
 * The same files work with `kubectl apply -f` on kind with Istio installed.
 */
export const bookinfoManifestFiles = [
  'fixtures/bookinfo/bookinfo.yaml',
  'fixtures/bookinfo/bookinfo-db.yaml',
  'fixtures/bookinfo/bookinfo-ratings-v2.yaml',
  'fixtures/istio/destination-rule-all.yaml',
  'fixtures/istio/virtual-service-reviews-v3.yaml',
  'fixtures/istio/bookinfo-gateway.yaml',
] as const

/** Each default manifest as `{ path, text }`, in apply order. */
export const readBookinfoManifests = async (files: readonly string[] = bookinfoManifestFiles): Promise<{ path: string; text: string }[]> => {
  const root = packageRoot()
  return Promise.all(files.map(async (path) => ({ path, text: await readFile(join(root, path), 'utf8') })))
}

import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

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

const isPackageRoot = (directory: string) => {
  const manifest = join(directory, 'package.json')
  return existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'vitest-chaos'
}

/** The directory holding vitest-chaos's package.json, found upwards from this file (works from `src/` and `dist/`). */
export const packageRoot = (): string => {
  let directory = dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 10; depth += 1) {
    if (isPackageRoot(directory)) return directory
    const parent = dirname(directory)
    if (parent === directory) break
    directory = parent
  }
  throw new Error(`cannot find the vitest-chaos package root above ${fileURLToPath(import.meta.url)}; reinstall the package so its fixtures/ folder ships with it`)
}

/** Each default manifest as `{ path, text }`, in apply order. */
export const readBookinfoManifests = async (files: readonly string[] = bookinfoManifestFiles): Promise<{ path: string; text: string }[]> => {
  const root = packageRoot()
  return Promise.all(files.map(async (path) => ({ path, text: await readFile(join(root, path), 'utf8') })))
}

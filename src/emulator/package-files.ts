import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// the emulator's one home for where the package's data files are: its API server (recorded OpenAPI documents) and its
// workloads (bookinfo manifests) both read from there; src/kube/package-root.ts is the copy outside the emulator, kept
// in step by src/kube/cluster-scoped-kinds.test.ts

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

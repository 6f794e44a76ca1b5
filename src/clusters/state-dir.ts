import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** A directory holding a cluster's kubeconfig; `remove()` deletes it only when it was created as a temp dir. */
export interface StateDir {
  path: string
  remove(): Promise<void>
}

export const openStateDir = async (stateDir?: string): Promise<StateDir> => {
  if (stateDir !== undefined) {
    const path = resolve(stateDir)
    await mkdir(path, { recursive: true })
    return { path, remove: async () => {} }
  }
  const path = await mkdtemp(join(tmpdir(), 'vitest-chaos-'))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

/** Writes `kubeconfig` into the directory, readable by the owner only (it holds credentials). */
export const writeKubeconfig = async (dir: string, kubeconfig: string): Promise<string> => {
  const path = join(dir, 'kubeconfig')
  await writeFile(path, kubeconfig, { mode: 0o600 })
  return path
}

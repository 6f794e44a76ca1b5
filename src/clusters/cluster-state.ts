import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ClusterProviderName, StartedCluster } from './started-cluster.js'

/** What `cluster up` records in `<state dir>/cluster.json` so `cluster down` and other terminals can find the cluster. */
export interface ClusterState {
  provider: ClusterProviderName
  name: string
  context: string
  /** The process serving the cluster (emulated, k3s); absent when the cluster outlives it (kind). */
  pid?: number
  kubeconfigPath: string
  urls: StartedCluster['urls']
  istio: boolean
  env: Record<string, string>
  startedAt: string
}

export const clusterStatePath = (dir: string): string => join(dir, 'cluster.json')

export const writeClusterState = async (dir: string, state: ClusterState): Promise<string> => {
  const path = clusterStatePath(dir)
  await writeFile(path, `${JSON.stringify(state, null, 2)}\n`)
  return path
}

/** The recorded state, or undefined when there is none. */
export const readClusterState = async (dir: string): Promise<ClusterState | undefined> => {
  const text = await readFile(clusterStatePath(dir), 'utf8').catch(() => undefined)
  return text === undefined ? undefined : (JSON.parse(text) as ClusterState)
}

export const removeClusterState = async (dir: string): Promise<void> => {
  await rm(clusterStatePath(dir), { force: true })
  await rm(join(dir, 'env'), { force: true })
}

const shellQuote = (value: string) => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`)

/** `export NAME=value` lines, quoted for POSIX shells, in a stable order. */
export const formatEnvLines = (env: Record<string, string>): string =>
  Object.keys(env).sort().map((name) => `export ${name}=${shellQuote(env[name]!)}\n`).join('')

/** Also written to `<state dir>/env`, so another terminal can `source .chaos/env`. */
export const writeEnvFile = (dir: string, env: Record<string, string>): Promise<void> => writeFile(join(dir, 'env'), formatEnvLines(env))

import type { ClusterState } from './cluster-state.js'
import type { EmulatedClusterOptions } from './providers/emulated.js'
import type { ExistingClusterOptions } from './providers/existing.js'
import type { K3sClusterOptions } from './providers/k3s.js'
import type { KindClusterOptions } from './providers/kind.js'
import type { ClusterProviderName, StartedCluster } from './started-cluster.js'

/** What every provider reads; each provider's options type adds its own. */
export interface CommonClusterOptions {
  /** Deploy bookinfo (and its Istio rules where Istio runs); default true. Ignored by `existing`. */
  bookinfo?: boolean
  /** Where `kubeconfig` (and the CLI's `cluster.json`) go; default: a fresh temporary directory. */
  stateDir?: string
  /** Environment for `KUBECONFIG`, `CHAOS_ALLOWED_CONTEXTS`, `PATH` and child processes; default `process.env`. */
  env?: NodeJS.ProcessEnv
  /** Aborts a start in progress (kills the commands it runs). */
  signal?: AbortSignal
  /** Progress lines (the CLI prints them on stderr). */
  log?: (line: string) => void
  /** How long a real cluster may take to become ready, in ms; default 10 minutes. */
  readyTimeoutMs?: number
  /**
   * YAML files applied after bookinfo (any provider; paths relative to the current directory). `startCluster`
   * waits until their Deployments, StatefulSets and ReplicaSets have every replica Ready, and fails naming the pod,
   * its exit code and its last log lines when one cannot start.
   */
  manifests?: readonly string[]
}

/**
 * What `startCluster` accepts: the options of one provider, chosen by `provider` (default `emulated`).
 *
 * @example
 * await using cluster = await startCluster({ provider: 'kind', name: 'chaos', istioProfile: 'demo' })
 */
export type ClusterOptions = EmulatedClusterOptions | KindClusterOptions | K3sClusterOptions | ExistingClusterOptions

type WithoutProvider<T> = Omit<T, 'provider'>
type AllProviderOptions = WithoutProvider<EmulatedClusterOptions> & WithoutProvider<KindClusterOptions> & WithoutProvider<K3sClusterOptions> & WithoutProvider<ExistingClusterOptions>

/**
 * Every provider's options in one bag, as `startCluster` took them before {@link ClusterOptions}; still accepted
 * (each provider reads its part and ignores the rest).
 *
 * @deprecated Use {@link ClusterOptions}: the options of the provider you name, so an option of another provider is
 * a type error instead of being ignored.
 */
export type StartClusterOptions = AllProviderOptions & { provider?: ClusterProviderName }

/** What `cluster down` knows about the cluster `cluster up` recorded. */
export interface RecordedClusterRequest {
  stateDir: string
  /** `cluster.json`, when `cluster up` wrote one. */
  state: ClusterState | undefined
  /** A name given on the command line (kind). */
  name?: string
  env: NodeJS.ProcessEnv
  signal?: AbortSignal
  log?: (line: string) => void
}

/** What `cluster down` did: `stopped` false means nothing could be stopped (exit 1), `message` says what to do. */
export interface StopRecordedResult {
  stopped: boolean
  message: string
}

/** One way of getting a cluster; every file in `providers/` exports one of these. */
export interface ClusterProvider<Options extends CommonClusterOptions = CommonClusterOptions> {
  readonly name: ClusterProviderName
  /**
   * `process`: the cluster lives as long as the process that started it, so `cluster up` stays in the foreground
   * and records its pid; `detached`: it keeps running on its own (kind, in Docker) until `cluster down`.
   */
  readonly lifetime: 'process' | 'detached'
  start(options: Options): Promise<StartedCluster>
  /** `cluster down`: stops the cluster `cluster up` recorded in the state directory. */
  stopRecorded(request: RecordedClusterRequest): Promise<StopRecordedResult>
}

export const DEFAULT_K3S_IMAGE = 'rancher/k3s:v1.31.2-k3s1'
export const DEFAULT_KIND_NAME = 'chaos'
export const DEFAULT_READY_TIMEOUT_MS = 10 * 60_000

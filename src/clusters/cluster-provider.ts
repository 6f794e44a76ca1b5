import type { ProcessPrograms } from '../emulator/workloads/program.js'
import type { ClusterProviderName, StartedCluster } from './started-cluster.js'

/** What `startCluster` accepts; every provider reads the part it needs and ignores the rest. */
export interface StartClusterOptions {
  /** Default `emulated`. */
  provider?: ClusterProviderName
  /** Deploy bookinfo (and its Istio rules where Istio runs); default true. Ignored by `existing`. */
  bookinfo?: boolean
  /** Where `kubeconfig` (and the CLI's `cluster.json`) go; default: a fresh temporary directory. */
  stateDir?: string
  /** Cluster name for kind (default `chaos`). */
  name?: string
  /** kind: reuse a running cluster with the same name instead of failing or recreating it (default true). */
  reuse?: boolean
  /** kind/k3s: leave a cluster this call created running when `stop()` is called (default false). */
  keep?: boolean
  /** Environment for `KUBECONFIG`, `CHAOS_ALLOWED_CONTEXTS`, `PATH` and child processes; default `process.env`. */
  env?: NodeJS.ProcessEnv
  /** Aborts a start in progress (kills the commands it runs). */
  signal?: AbortSignal
  /** Progress lines (the CLI prints them on stderr). */
  log?: (line: string) => void
  /** How long a real cluster may take to become ready, in ms; default 10 minutes. */
  readyTimeoutMs?: number
  /** emulated: fixed ports on 127.0.0.1 (default ephemeral). */
  apiPort?: number
  ingressPort?: number
  /** kind: path of the kind config (default the package's `kind-config.yaml`); Istio profile (default `demo`). */
  kindConfigPath?: string
  istioProfile?: string
  /** k3s: the `rancher/k3s` image (default {@link DEFAULT_K3S_IMAGE}). */
  k3sImage?: string
  /** existing: the context to use instead of the kubeconfig's current context. */
  context?: string
  /**
   * emulated: image name (no registry, no tag) → the command that stands in for it, run as a local process per
   * container with the pod's env, `PORT` and the mesh as its way out (docs/own-service.md). Other providers run the
   * real images and ignore this. A relative `cwd` is resolved against the current directory.
   */
  programs?: ProcessPrograms
  /**
   * YAML files applied after bookinfo (any provider; paths relative to the current directory). `startCluster`
   * waits until their Deployments, StatefulSets and ReplicaSets have every replica Ready, and fails naming the pod,
   * its exit code and its last log lines when one cannot start.
   */
  manifests?: readonly string[]
}

/** One way of getting a cluster; every provider file exports one of these. */
export interface ClusterProvider {
  readonly name: ClusterProviderName
  start(options: StartClusterOptions): Promise<StartedCluster>
}

export const DEFAULT_K3S_IMAGE = 'rancher/k3s:v1.31.2-k3s1'
export const DEFAULT_KIND_NAME = 'chaos'
export const DEFAULT_READY_TIMEOUT_MS = 10 * 60_000

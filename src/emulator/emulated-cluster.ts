import type { ProcessPrograms, ProgramRegistry } from './workloads/program.js'

export interface EmulatedClusterOptions {
  /** API server port on 127.0.0.1; default 0 (ephemeral). */
  port?: number
  /** Deploy bookinfo, its Istio rules and the ingress (default true). */
  bookinfo?: boolean
  /** Ingress port on 127.0.0.1; default 0 (ephemeral). */
  ingressPort?: number
  /** Extra or replacement image → program entries. */
  programs?: ProgramRegistry
  /** Image → command for images that run as local processes, e.g. `{ shop: { command: ['node', 'shop.js'] } }`; plain data. */
  processPrograms?: ProcessPrograms
  /** Directory relative `cwd`s of `processPrograms` are resolved against; default `process.cwd()`. */
  programDir?: string
  /** Where to write `kubeconfig` and `cluster.json`; default: a fresh temp directory. */
  stateDir?: string
  /** Wait until every node is Ready and every deployment fully available before resolving (default true). */
  waitForReady?: boolean
}

/** A running emulated cluster. */
export interface EmulatedCluster extends AsyncDisposable {
  /** `http://127.0.0.1:<port>` */
  apiUrl: string
  /** Kubeconfig YAML (context `emulated`, bearer token, `insecure-skip-tls-verify: true`). */
  kubeconfig: string
  kubeconfigPath: string
  /** The bearer token the API server accepts; random per start. */
  token: string
  /** Bookinfo's product page through the ingress, e.g. `http://127.0.0.1:41234`, when bookinfo is deployed. */
  productPageUrl?: string
  /** Stops controllers, pods, the ingress and the API server; leaves no ports or timers behind. */
  stop(): Promise<void>
}

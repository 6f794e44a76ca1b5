// `vitest-chaos cluster up` in its own process, so the emulated cluster outlives the test processes killed against it,
// plus what the ending tests and the soak read from it: a baseline, and what a run left behind.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node'
import { execa, type ResultPromise } from 'execa'

export const ROOT = join(import.meta.dirname, '..', '..')
const DEV_MAIN = join(ROOT, 'src', 'cli', 'dev-main.ts')

/** `vitest-chaos …` from the sources, as a child process. */
export const runCli = (args: string[], env: Record<string, string>) =>
  execa(process.execPath, ['--import', 'tsx', DEV_MAIN, ...args], { cwd: ROOT, reject: false, env: { ...env, FORCE_COLOR: '0' } })

export const waitUntil = async (what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  for (let attempt = 0; attempt < 100_000 && Date.now() < deadline; attempt++) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
}

export interface OutlivingCluster {
  /** KUBECONFIG, PRODUCT_PAGE_SERVICE_BASE_URL and CHAOS_LEDGER for the processes run against it. */
  env: Record<string, string>
  kc: KubeConfig
  stop(): Promise<void>
}

const readEnvLines = (child: ResultPromise) =>
  new Promise<Record<string, string>>((resolve, reject) => {
    let stdout = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (stdout.includes('export PRODUCT_PAGE_SERVICE_BASE_URL=') && stdout.endsWith('\n')) {
        resolve(Object.fromEntries([...stdout.matchAll(/^export (\w+)=(\S+)$/gm)].map((match) => [match[1]!, match[2]!])))
      }
    })
    void child.then((result) => reject(new Error(`cluster up exited (${String(result.exitCode)}) before printing its env: ${String(result.stderr)}`)))
  })

/**
 * Starts `vitest-chaos cluster up` (emulated, bookinfo) in its own process and waits for its env lines.
 *
 * @example
 * const cluster = await startOutlivingCluster(); try { … } finally { await cluster.stop() }
 */
export const startOutlivingCluster = async (): Promise<OutlivingCluster> => {
  const dir = await mkdtemp(join(tmpdir(), 'outliving-'))
  const child = runCli(['cluster', 'up', '--state-dir', dir], { PATH: process.env.PATH ?? '' })
  const printed = await readEnvLines(child)
  const kc = new KubeConfig()
  kc.loadFromFile(printed.KUBECONFIG!)
  return {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...printed, CHAOS_LEDGER: join(dir, 'ledger.jsonl') },
    kc,
    stop: async () => {
      child.kill('SIGTERM')
      await child
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** What the cluster looks like when no fault is live: every VirtualService's spec and every deployment's replicas. */
export interface ClusterBaseline {
  virtualServices: Map<string, string>
  replicas: Map<string, number>
}

const listVirtualServices = async (kc: KubeConfig) =>
  ((await kc.makeApiClient(CustomObjectsApi).listClusterCustomObject({ group: 'networking.istio.io', version: 'v1alpha3', plural: 'virtualservices' })) as {
    items: Array<{ metadata: { namespace: string; name: string }; spec: unknown }>
  }).items

export const readBaseline = async (kc: KubeConfig): Promise<ClusterBaseline> => ({
  virtualServices: new Map((await listVirtualServices(kc)).map((vs) => [`${vs.metadata.namespace}/${vs.metadata.name}`, JSON.stringify(vs.spec)])),
  replicas: new Map((await kc.makeApiClient(AppsV1Api).listDeploymentForAllNamespaces()).items.map((d) => [`${d.metadata!.namespace}/${d.metadata!.name}`, d.spec?.replicas ?? 1])),
})

/** What a run left behind, measured against the baseline. */
export interface Leftovers {
  cordons: number
  virtualServiceFaults: number
  wrongReplicas: number
}

const allReady = async (kc: KubeConfig) =>
  (await kc.makeApiClient(AppsV1Api).listDeploymentForAllNamespaces()).items.every((d) => (d.status?.readyReplicas ?? 0) === (d.spec?.replicas ?? 1))

/**
 * Counts cordoned nodes, VirtualServices whose spec differs from the baseline, and deployments whose replicas differ
 * from it or that are not all ready again within `readyWithinMs` (a killed pod must come back).
 */
export const countLeftovers = async (kc: KubeConfig, baseline: ClusterBaseline, readyWithinMs = 60_000): Promise<Leftovers> => {
  await waitUntil('every deployment ready again', () => allReady(kc), readyWithinMs).catch(() => undefined)
  const cordons = (await kc.makeApiClient(CoreV1Api).listNode()).items.filter((node) => node.spec?.unschedulable === true).length
  const virtualServiceFaults = (await listVirtualServices(kc)).filter((vs) => baseline.virtualServices.get(`${vs.metadata.namespace}/${vs.metadata.name}`) !== JSON.stringify(vs.spec)).length
  const deployments = (await kc.makeApiClient(AppsV1Api).listDeploymentForAllNamespaces()).items
  const wrongReplicas = deployments.filter((d) => baseline.replicas.get(`${d.metadata!.namespace}/${d.metadata!.name}`) !== d.spec?.replicas || (d.status?.readyReplicas ?? 0) !== d.spec?.replicas).length
  return { cordons, virtualServiceFaults, wrongReplicas }
}

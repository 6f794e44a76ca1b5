// Emulated cluster timings: cold start to every node Ready, a 6-replica Deployment to fully available,
// a worker drained (cordon + evictions) until its pods run elsewhere, and resident memory.
// `npx tsx bench/emulator.ts` (BENCH_ROUNDS to change the number of rounds, default 5).
import { AppsV1Api, CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node'
import { cpus, loadavg } from 'node:os'
import { startEmulatedCluster } from '../src/emulator/start-emulated-cluster.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN
const ms = (value: number) => `${value.toFixed(0)} ms`
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error(`timed out waiting for ${what}`)
}

const clients = (kubeconfig: string) => {
  const kc = new KubeConfig()
  kc.loadFromString(kubeconfig)
  return { core: kc.makeApiClient(CoreV1Api), apps: kc.makeApiClient(AppsV1Api) }
}

const coldStart = async (bookinfo: boolean) => {
  const started = performance.now()
  const cluster = await startEmulatedCluster({ bookinfo, waitForReady: false })
  const { core } = clients(cluster.kubeconfig)
  await until('nodes Ready', async () => (await core.listNode()).items.filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length === 4)
  const nodesReady = performance.now() - started
  await cluster.stop()
  const full = performance.now()
  const ready = await startEmulatedCluster({ bookinfo })
  const allReady = performance.now() - full
  return { nodesReady, allReady, cluster: ready }
}

const available = (apps: AppsV1Api, name: string, replicas: number) => async () => {
  const status = (await apps.readNamespacedDeployment({ name, namespace: 'default' })).status
  return status?.availableReplicas === replicas && status.updatedReplicas === replicas && status.replicas === replicas
}

const deploymentRound = async (apps: AppsV1Api, name: string) => {
  const started = performance.now()
  await apps.createNamespacedDeployment({
    namespace: 'default',
    body: { metadata: { name }, spec: { replicas: 6, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } } } },
  })
  await until(`${name} available`, available(apps, name, 6))
  return performance.now() - started
}

const drainRound = async (core: CoreV1Api, apps: AppsV1Api, node: string, name: string) => {
  const started = performance.now()
  await core.patchNode({ name: node, body: { spec: { unschedulable: true } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch))
  const pods = (await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${node}` })).items.filter((pod) => pod.metadata?.ownerReferences?.[0]?.kind !== 'DaemonSet')
  await Promise.all(
    pods.map((pod) => {
      const { name: podName = '', namespace = '' } = pod.metadata ?? {}
      return core.createNamespacedPodEviction({ name: podName, namespace, body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: podName, namespace } } })
    }),
  )
  await until('drained pods gone', async () => (await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${node}` })).items.every((pod) => pod.metadata?.ownerReferences?.[0]?.kind === 'DaemonSet'))
  await until(`${name} available again`, available(apps, name, 6))
  const elapsed = performance.now() - started
  await core.patchNode({ name: node, body: { spec: { unschedulable: null } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch))
  return { elapsed, evicted: pods.length }
}

const rssBefore = process.memoryUsage().rss
const results = { nodesReady: [] as number[], allReady: [] as number[], bookinfoReady: [] as number[], deployment: [] as number[], drain: [] as number[], evicted: [] as number[], rss: [] as number[] }
for (let round = 0; round < ROUNDS; round += 1) {
  const bare = await coldStart(false)
  results.nodesReady.push(bare.nodesReady)
  results.allReady.push(bare.allReady)
  const { core, apps } = clients(bare.cluster.kubeconfig)
  results.deployment.push(await deploymentRound(apps, `web${round}`))
  const drain = await drainRound(core, apps, 'chaos-worker', `web${round}`)
  results.drain.push(drain.elapsed)
  results.evicted.push(drain.evicted)
  await bare.cluster.stop()
  const started = performance.now()
  const withBookinfo = await startEmulatedCluster({ bookinfo: true })
  results.bookinfoReady.push(performance.now() - started)
  results.rss.push(process.memoryUsage().rss)
  await withBookinfo.stop()
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, load average ${loadavg()[0]?.toFixed(2)}`)
console.log(`rounds: ${ROUNDS} (medians)`)
console.log(`cold start, no bookinfo, until all 4 nodes Ready (client-node polling): ${ms(median(results.nodesReady))}`)
console.log(`cold start, no bookinfo, startEmulatedCluster() resolved (nodes + kube-system ready): ${ms(median(results.allReady))}`)
console.log(`cold start with bookinfo, startEmulatedCluster() resolved (every deployment available): ${ms(median(results.bookinfoReady))}`)
console.log(`6-replica Deployment created → fully available: ${ms(median(results.deployment))}`)
console.log(`chaos-worker cordoned + ${median(results.evicted)} pods evicted → gone and the Deployment fully available again: ${ms(median(results.drain))}`)
console.log(`resident memory with bookinfo running: ${mib(median(results.rss))} (process before any cluster: ${mib(rssBefore)})`)

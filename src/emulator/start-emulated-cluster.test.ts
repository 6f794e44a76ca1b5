import { AppsV1Api, CoreV1Api, KubeConfig, PatchStrategy, PolicyV1Api, setHeaderOptions, type V1Deployment, type V1Pod } from '@kubernetes/client-node'
import { readFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createControllableProgram } from './kubelet/testing/controllable-program.js'
import { until } from './kubelet/testing/until.js'
import { startEmulatedCluster } from './start-emulated-cluster.js'
import type { EmulatedCluster } from './emulated-cluster.js'

const controllable = createControllableProgram()
let cluster: EmulatedCluster
let core: CoreV1Api
let apps: AppsV1Api
let policy: PolicyV1Api

const WORKERS = ['chaos-worker', 'chaos-worker2', 'chaos-worker3']
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch)

const deployment = (name: string, replicas: number, image = 'nginx:1.27', extra: Record<string, unknown> = {}): V1Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name, version: 'v1' } }, spec: { containers: [{ name, image, ports: [{ containerPort: 8080 }], ...extra }] } },
  },
})

const podsOf = async (app: string) => (await core.listNamespacedPod({ namespace: 'default', labelSelector: `app=${app}` })).items
const isReady = (pod: V1Pod) => pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
const available = (name: string, replicas: number) =>
  until(`deployment ${name} available`, async () => {
    const d = await apps.readNamespacedDeployment({ name, namespace: 'default' })
    return d.status?.availableReplicas === replicas && d.status.updatedReplicas === replicas && d.status.replicas === replicas && d
  })
const apiErrorBody = (error: unknown) => JSON.parse(String((error as { body?: string }).body)) as Record<string, unknown>

beforeAll(async () => {
  cluster = await startEmulatedCluster({ bookinfo: false, programs: new Map([['controllable', controllable.program]]) })
  const kc = new KubeConfig()
  kc.loadFromString(cluster.kubeconfig)
  core = kc.makeApiClient(CoreV1Api)
  apps = kc.makeApiClient(AppsV1Api)
  policy = kc.makeApiClient(PolicyV1Api)
})

afterAll(async () => {
  await cluster?.stop()
})

describe('startEmulatedCluster', () => {
  it('has the kind topology: a tainted control plane and three Ready workers', async () => {
    const nodes = (await core.listNode()).items
    expect(nodes.map((n) => n.metadata?.name)).toEqual(['chaos-control-plane', ...WORKERS])
    expect(nodes.every((n) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True')).toBe(true)
    expect(nodes[0]?.spec?.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }])
    expect(nodes[1]?.spec?.podCIDR).toBe('10.244.1.0/24')
    const system = (await core.listNamespacedPod({ namespace: 'kube-system' })).items
    const mirror = system.find((p) => p.metadata?.name === 'kube-apiserver-chaos-control-plane')
    expect(mirror?.metadata?.annotations?.['kubernetes.io/config.mirror']).toMatch(/^[0-9a-f]{32}$/)
    expect(mirror?.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'chaos-control-plane' })
    expect(system.filter((p) => p.metadata?.name?.startsWith('coredns-')).every(isReady)).toBe(true)
  })

  it('runs one DaemonSet pod on every node, the control plane included', async () => {
    const pods = (await core.listNamespacedPod({ namespace: 'kube-system', labelSelector: 'k8s-app=kube-proxy' })).items
    expect(pods.map((p) => p.spec?.nodeName).sort()).toEqual(['chaos-control-plane', ...WORKERS])
    expect(pods.every((p) => p.metadata?.ownerReferences?.[0]?.kind === 'DaemonSet' && p.status?.phase === 'Running')).toBe(true)
    const ds = await apps.readNamespacedDaemonSet({ name: 'kube-proxy', namespace: 'kube-system' })
    expect(ds.status).toMatchObject({ desiredNumberScheduled: 4, currentNumberScheduled: 4, numberReady: 4, numberAvailable: 4 })
  })

  it('takes a Deployment to available with ReplicaSet and pod names, labels and owners like a real cluster', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('web', 3) })
    const ready = await available('web', 3)
    expect(ready.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
    // the controller writes the revision through status, so generation stays 1 as on a real cluster (recording 030)
    expect([ready.metadata?.generation, ready.status?.observedGeneration]).toEqual([1, 1])
    expect(ready.status?.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable'],
      ['Progressing', 'True', 'NewReplicaSetAvailable'],
    ])
    const [rs] = (await apps.listNamespacedReplicaSet({ namespace: 'default', labelSelector: 'app=web' })).items
    const hash = rs?.metadata?.labels?.['pod-template-hash'] ?? ''
    expect(hash).toMatch(/^[456789bcdf]{6,10}$/)
    expect(rs?.metadata?.name).toBe(`web-${hash}`)
    expect(rs?.spec?.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash })
    expect(rs?.metadata?.annotations).toMatchObject({ 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' })
    expect(rs?.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web', controller: true, blockOwnerDeletion: true })
    const pods = await podsOf('web')
    expect(pods).toHaveLength(3)
    for (const pod of pods) {
      expect(pod.metadata?.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`))
      expect(pod.metadata?.labels).toEqual({ app: 'web', version: 'v1', 'pod-template-hash': hash })
      expect(pod.status?.podIP).toMatch(/^10\.244\.[123]\.\d+$/)
      expect(pod.status?.containerStatuses?.[0]).toMatchObject({ ready: true, started: true, restartCount: 0 })
    }
    expect(new Set(pods.map((p) => p.spec?.nodeName)).size).toBe(3)
    const events = (await core.listNamespacedEvent({ namespace: 'default' })).items
    expect(events.some((e) => e.reason === 'SuccessfulCreate' && e.involvedObject.name === rs?.metadata?.name)).toBe(true)
    expect(events.some((e) => e.reason === 'Scheduled' && e.message?.startsWith(`Successfully assigned default/${pods[0]?.metadata?.name} to chaos-worker`))).toBe(true)
  })

  it('rolls a template change out through a new ReplicaSet without dropping below the available minimum', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('rolling', 3) })
    await available('rolling', 3)
    const [first] = (await apps.listNamespacedReplicaSet({ namespace: 'default', labelSelector: 'app=rolling' })).items
    await apps.patchNamespacedDeployment({ name: 'rolling', namespace: 'default', body: { spec: { template: { spec: { containers: [{ name: 'rolling', image: 'nginx:1.28', ports: [{ containerPort: 8080 }] }] } } } } }, mergePatch)
    let lowest = 3
    const done = await until('the rollout to finish', async () => {
      const d = await apps.readNamespacedDeployment({ name: 'rolling', namespace: 'default' })
      lowest = Math.min(lowest, d.status?.availableReplicas ?? 0)
      const finished = d.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '2' && d.status?.updatedReplicas === 3 && d.status.availableReplicas === 3 && d.status.replicas === 3
      return finished && d
    }, 20_000, 10)
    expect(lowest).toBe(3)
    expect(done.status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('NewReplicaSetAvailable')
    const sets = (await apps.listNamespacedReplicaSet({ namespace: 'default', labelSelector: 'app=rolling' })).items
    expect(sets).toHaveLength(2)
    expect(sets.find((rs) => rs.metadata?.name === first?.metadata?.name)?.spec?.replicas).toBe(0)
    const next = sets.find((rs) => rs.metadata?.name !== first?.metadata?.name)
    expect(next?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
    await until('only new pods left', async () => (await podsOf('rolling')).every((p) => p.spec?.containers[0]?.image === 'nginx:1.28'))
    await apps.patchNamespacedDeployment({ name: 'rolling', namespace: 'default', body: { spec: { template: { spec: { containers: [{ name: 'rolling', image: 'nginx:1.27', ports: [{ containerPort: 8080 }] }] } } } } }, mergePatch)
    const undone = await until('the first ReplicaSet to come back as revision 3', async () => {
      const d = await apps.readNamespacedDeployment({ name: 'rolling', namespace: 'default' })
      return d.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '3' && d.status?.updatedReplicas === 3 && d.status.availableReplicas === 3 && d.status.replicas === 3 && d
    }, 20_000)
    expect(undone.spec?.template.spec?.containers[0]?.image).toBe('nginx:1.27')
    const reused = await apps.readNamespacedReplicaSet({ name: first!.metadata!.name!, namespace: 'default' })
    expect(reused.metadata?.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' })
    expect((await apps.listNamespacedReplicaSet({ namespace: 'default', labelSelector: 'app=rolling' })).items).toHaveLength(2)
  })

  it('replaces a deleted pod at once; the old one terminates, then disappears', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('solo', 1) })
    await available('solo', 1)
    const [victim] = await podsOf('solo')
    const deleted = await core.deleteNamespacedPod({ name: victim!.metadata!.name!, namespace: 'default' })
    expect(deleted.metadata?.deletionTimestamp).toBeDefined()
    const replacement = await until('a replacement pod', async () => (await podsOf('solo')).find((p) => p.metadata?.name !== victim?.metadata?.name))
    expect(replacement.metadata?.generateName).toBe(victim?.metadata?.generateName)
    await until('the old pod to be gone', async () => !(await podsOf('solo')).some((p) => p.metadata?.uid === victim?.metadata?.uid))
    await available('solo', 1)
  })

  it('evicts freely without a budget and refuses with 429 when a PodDisruptionBudget forbids it', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('guarded', 2) })
    await available('guarded', 2)
    const [first, second] = await podsOf('guarded')
    const evict = (name: string) => core.createNamespacedPodEviction({ name, namespace: 'default', body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } } })
    await evict(first!.metadata!.name!)
    await available('guarded', 2)
    await policy.createNamespacedPodDisruptionBudget({ namespace: 'default', body: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'guarded-pdb' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'guarded' } } } } })
    const pdb = await until('the disruption controller to compute the budget', async () => {
      const current = await policy.readNamespacedPodDisruptionBudget({ name: 'guarded-pdb', namespace: 'default' })
      return current.status?.currentHealthy === 2 && current.status.observedGeneration === 1 && current
    })
    expect(pdb.status).toMatchObject({ disruptionsAllowed: 0, desiredHealthy: 2, expectedPods: 2 })
    const error = await evict(second!.metadata!.name!).catch((e: unknown) => e)
    expect((error as { code?: number }).code).toBe(429)
    expect(apiErrorBody(error)).toMatchObject({
      reason: 'TooManyRequests',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget guarded-pdb needs 2 healthy pods and has 2 currently' }] },
    })
  })

  it('keeps new pods off a cordoned node, taints it shortly after, and uses it again after uncordon', async () => {
    await core.patchNode({ name: 'chaos-worker2', body: { spec: { unschedulable: true } } }, mergePatch)
    await until('the unschedulable taint', async () => (await core.readNode({ name: 'chaos-worker2' })).spec?.taints?.some((t) => t.key === 'node.kubernetes.io/unschedulable'))
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('avoid', 4) })
    await available('avoid', 4)
    expect((await podsOf('avoid')).map((p) => p.spec?.nodeName)).not.toContain('chaos-worker2')
    await core.patchNode({ name: 'chaos-worker2', body: { spec: { unschedulable: null } } }, mergePatch)
    await until('the taint to go', async () => !(await core.readNode({ name: 'chaos-worker2' })).spec?.taints?.length)
    await apps.patchNamespacedDeployment({ name: 'avoid', namespace: 'default', body: { spec: { replicas: 6 } } }, mergePatch)
    await available('avoid', 6)
    expect((await podsOf('avoid')).map((p) => p.spec?.nodeName)).toContain('chaos-worker2')
  })

  it('reports Unschedulable with the scheduler message when no node fits, and binds once one does', async () => {
    for (const name of WORKERS) await core.patchNode({ name, body: { spec: { unschedulable: true } } }, mergePatch)
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('stuck', 1) })
    const pending = await until('an unschedulable pod', async () => {
      const [pod] = await podsOf('stuck')
      return pod?.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable') && pod
    })
    expect(pending.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) were unschedulable. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    )
    for (const name of WORKERS) await core.patchNode({ name, body: { spec: { unschedulable: null } } }, mergePatch)
    await available('stuck', 1)
  })

  it('lists only ready, non-terminating pods as Endpoints addresses and follows readiness probes', async () => {
    const probe = { readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 1, failureThreshold: 1 } }
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('probed', 2, 'example.com/controllable:1.0', probe) })
    await core.createNamespacedService({ namespace: 'default', body: { metadata: { name: 'probed' }, spec: { selector: { app: 'probed' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } } })
    await available('probed', 2)
    const endpoints = () => core.readNamespacedEndpoints({ name: 'probed', namespace: 'default' })
    const full = await until('two ready addresses', async () => (await endpoints()).subsets?.[0]?.addresses?.length === 2 && (await endpoints()))
    expect(full.subsets?.[0]?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }])
    expect(full.subsets?.[0]?.addresses?.[0]?.targetRef?.kind).toBe('Pod')
    const [sick] = await podsOf('probed')
    controllable.handles.get(sick!.metadata!.name!)!.setReady(false)
    const split = await until('one address to become not ready', async () => {
      const current = await endpoints()
      return current.subsets?.[0]?.notReadyAddresses?.length === 1 && current
    })
    expect(split.subsets?.[0]?.notReadyAddresses?.[0]?.targetRef?.name).toBe(sick?.metadata?.name)
    expect(split.subsets?.[0]?.addresses).toHaveLength(1)
    controllable.handles.get(sick!.metadata!.name!)!.setReady(true)
    await until('both ready again', async () => (await endpoints()).subsets?.[0]?.addresses?.length === 2)
  })

  it('restarts a crashed container in place with restartCount, lastState and previous logs', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('crashy', 1, 'example.com/controllable:1.0') })
    await available('crashy', 1)
    const [pod] = await podsOf('crashy')
    const name = pod!.metadata!.name!
    controllable.handles.get(name)!.crash(3)
    const restarted = await until('the restart', async () => {
      const current = await core.readNamespacedPod({ name, namespace: 'default' })
      return current.status?.containerStatuses?.[0]?.restartCount === 1 && isReady(current) && current
    })
    const status = restarted.status!.containerStatuses![0]!
    expect(restarted.metadata?.uid).toBe(pod?.metadata?.uid)
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' })
    expect(status.state?.running?.startedAt).toBeDefined()
    expect(status.containerID).not.toBe(pod?.status?.containerStatuses?.[0]?.containerID)
    expect(await core.readNamespacedPodLog({ name, namespace: 'default', previous: true })).toContain('crashing with exit code 3')
    expect(await core.readNamespacedPodLog({ name, namespace: 'default' })).toContain(`controllable program up as ${name}`)
  })

  it('kills a container that ignores SIGTERM when the grace period ends, then removes the pod', async () => {
    const body = deployment('stubborn', 1, 'example.com/controllable:1.0')
    body.spec!.template.spec!.terminationGracePeriodSeconds = 2
    await apps.createNamespacedDeployment({ namespace: 'default', body })
    await available('stubborn', 1)
    const [pod] = await podsOf('stubborn')
    const name = pod!.metadata!.name!
    controllable.handles.get(name)!.ignoreSigterm()
    await core.createNamespacedService({ namespace: 'default', body: { metadata: { name: 'stubborn' }, spec: { selector: { app: 'stubborn' }, ports: [{ port: 80, targetPort: 8080 }] } } })
    const addresses = async () => (await core.readNamespacedEndpoints({ name: 'stubborn', namespace: 'default' }).catch(() => undefined))?.subsets?.flatMap((s) => s.addresses ?? []) ?? []
    await until('the pod in the Endpoints', async () => (await addresses()).length === 1)
    const started = Date.now()
    await core.deleteNamespacedPod({ name, namespace: 'default' })
    const stillThere = await core.readNamespacedPod({ name, namespace: 'default' })
    expect(stillThere.metadata?.deletionGracePeriodSeconds).toBe(2)
    await until('the terminating pod to leave the Endpoints', async () => !(await addresses()).some((a) => a.targetRef?.name === name))
    expect((await core.readNamespacedPod({ name, namespace: 'default' })).metadata?.deletionTimestamp).toBeDefined()
    await until('the pod to be removed', async () => !(await podsOf('stubborn')).some((p) => p.metadata?.name === name), 15_000)
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(1_900)
    expect(elapsed).toBeLessThan(10_000)
    const events = (await core.listNamespacedEvent({ namespace: 'default' })).items
    expect(events.some((e) => e.reason === 'Killing' && e.involvedObject.name === name && e.message === 'Stopping container stubborn')).toBe(true)
  })

  it('deletes the pods of a node that was deleted, and the ReplicaSet replaces them elsewhere', async () => {
    await core.createNode({ body: { metadata: { name: 'extra-worker', labels: { 'kubernetes.io/os': 'linux' } }, spec: { podCIDR: '10.244.9.0/24' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } } })
    for (const name of WORKERS) await core.patchNode({ name, body: { spec: { unschedulable: true } } }, mergePatch)
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('orphaned', 1) })
    await available('orphaned', 1)
    const [pod] = await podsOf('orphaned')
    expect(pod?.spec?.nodeName).toBe('extra-worker')
    for (const name of WORKERS) await core.patchNode({ name, body: { spec: { unschedulable: null } } }, mergePatch)
    await core.deleteNode({ name: 'extra-worker' })
    await until('the orphaned pod to be gone', async () => !(await podsOf('orphaned')).some((p) => p.metadata?.uid === pod?.metadata?.uid))
    await available('orphaned', 1)
    expect(WORKERS).toContain((await podsOf('orphaned'))[0]?.spec?.nodeName)
  })

  it('rolls a DaemonSet template change out node by node', async () => {
    const before = (await core.listNamespacedPod({ namespace: 'kube-system', labelSelector: 'k8s-app=kindnet' })).items
    await apps.patchNamespacedDaemonSet(
      { name: 'kindnet', namespace: 'kube-system', body: { spec: { template: { metadata: { annotations: { rolled: 'yes' } } } } } },
      mergePatch,
    )
    const after = await until('every kindnet pod replaced', async () => {
      const pods = (await core.listNamespacedPod({ namespace: 'kube-system', labelSelector: 'k8s-app=kindnet' })).items
      const fresh = pods.filter((p) => p.metadata?.annotations?.rolled === 'yes' && isReady(p) && !p.metadata.deletionTimestamp)
      return fresh.length === 4 && pods.length === 4 && pods
    })
    expect(after.map((p) => p.spec?.nodeName).sort()).toEqual(['chaos-control-plane', ...WORKERS])
    expect(after.some((p) => before.some((old) => old.metadata?.name === p.metadata?.name))).toBe(false)
  })

  it('does not roll out a paused Deployment and reports it as paused', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('held', 1) })
    await available('held', 1)
    await apps.patchNamespacedDeployment({ name: 'held', namespace: 'default', body: { spec: { paused: true, template: { spec: { containers: [{ name: 'held', image: 'nginx:1.28', ports: [{ containerPort: 8080 }] }] } } } } }, mergePatch)
    const paused = await until('the paused condition', async () => {
      const d = await apps.readNamespacedDeployment({ name: 'held', namespace: 'default' })
      return d.status?.conditions?.find((c) => c.type === 'Progressing' && c.reason === 'DeploymentPaused') && d
    })
    expect(paused.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', message: 'Deployment is paused' })
    expect((await apps.listNamespacedReplicaSet({ namespace: 'default', labelSelector: 'app=held' })).items).toHaveLength(1)
    await apps.patchNamespacedDeployment({ name: 'held', namespace: 'default', body: { spec: { paused: null } } }, mergePatch)
    await until('the second ReplicaSet after resuming', async () => (await apps.listNamespacedReplicaSet({ namespace: 'default', labelSelector: 'app=held' })).items.length === 2)
    await available('held', 1)
  })

  it('settles: once nothing changes, the controllers and the kubelet stop writing (node heartbeats aside)', async () => {
    const fingerprint = async () => {
      const lists = await Promise.all([
        core.listPodForAllNamespaces(),
        core.listEndpointsForAllNamespaces(),
        apps.listDeploymentForAllNamespaces(),
        apps.listReplicaSetForAllNamespaces(),
        apps.listDaemonSetForAllNamespaces(),
        policy.listPodDisruptionBudgetForAllNamespaces(),
      ])
      return JSON.stringify(lists.map((list) => list.items.map((item) => `${item.metadata?.name}@${item.metadata?.resourceVersion}`)))
    }
    await until('a quiet second', async () => {
      const start = await fingerprint()
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      return (await fingerprint()) === start
    }, 20_000, 0)
    const start = await fingerprint()
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(await fingerprint()).toBe(start)
  })

  it('writes a kubeconfig named emulated with the random token, and a token-free cluster.json', async () => {
    expect(await readFile(cluster.kubeconfigPath, 'utf8')).toBe(cluster.kubeconfig)
    expect(cluster.kubeconfig).toContain('current-context: emulated')
    expect(cluster.kubeconfig).toContain('insecure-skip-tls-verify: true')
    expect(cluster.kubeconfig).toMatch(/server: https:\/\/127\.0\.0\.1:\d+/)
    expect(cluster.token.length).toBeGreaterThanOrEqual(24)
    const state = await readFile(join(dirname(cluster.kubeconfigPath), 'cluster.json'), 'utf8')
    expect(JSON.parse(state)).toMatchObject({ apiUrl: cluster.apiUrl, pid: process.pid })
    expect(state).not.toContain(cluster.token)
  })
})

describe('stop', () => {
  const refuses = (url: string) =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: Number(new URL(url).port) })
      socket.setTimeout(2_000, () => (socket.destroy(), resolve(false)))
      socket.once('connect', () => (socket.destroy(), resolve(false)))
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
    })

  it('closes the API server and the bookinfo ingress: their ports refuse connections afterwards', async () => {
    const withBookinfo = await startEmulatedCluster({ bookinfo: true })
    const page = await fetch(`${withBookinfo.productPageUrl}/productpage`)
    expect(await page.text()).toContain('<title>Simple Bookstore App</title>')
    expect((await fetch(`${withBookinfo.apiUrl}/healthz`)).status).toBe(200)
    await withBookinfo.stop()
    expect(await refuses(`${withBookinfo.apiUrl}/healthz`)).toBe(true)
    expect(await refuses(`${withBookinfo.productPageUrl}/productpage`)).toBe(true)
  })

  it('leaves no handles behind: a child process that starts and stops a cluster exits by itself', async () => {
    const { execa } = await import('execa')
    const entry = new URL('./index.ts', import.meta.url).pathname
    const script = `const { startEmulatedCluster } = await import(${JSON.stringify(entry)}); const c = await startEmulatedCluster({ bookinfo: true }); await fetch(c.productPageUrl + '/productpage'); await c.stop(); console.log('stopped')`
    const child = await execa('node', ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 60_000, reject: false })
    expect(child.timedOut).toBe(false)
    expect(child.stdout.trim()).toBe('stopped')
    expect(child.exitCode).toBe(0)
  }, 90_000)
})

// The API server through the real @kubernetes/client-node: what drivers and kubectl rely on.
import * as k8s from '@kubernetes/client-node'
import { afterEach, describe, expect, it } from 'vitest'
import { kubeconfigFor, startTestApiServer, type TestApiServer } from '../../../fixtures/apiserver/start-test-api-server.js'
import { finalizePodDeletion } from '../registry/kinds/pod-deletion.js'

const pod = (name: string, labels: Record<string, string> = { app: 'web' }, nodeName?: string): k8s.V1Pod => ({
  metadata: { name, labels },
  spec: { containers: [{ name: 'c', image: 'nginx:1.25' }], ...(nodeName ? { nodeName } : {}) },
})

const statusOf = async (promise: Promise<unknown>) => {
  try {
    await promise
    return { code: 0, body: undefined }
  } catch (error) {
    const apiError = error as k8s.ApiException<string>
    return { code: apiError.code, body: apiError.body ? (JSON.parse(apiError.body) as { reason?: string; message?: string; details?: unknown }) : undefined }
  }
}

const markRunningReady = (t: TestApiServer, name: string) => {
  const current = t.store.get('pods', 'default', name)!
  t.store.update('pods', { ...current, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } })
}

describe('API server through client-node', () => {
  let t: TestApiServer
  afterEach(async () => t?.close())

  it('creates with admission defaults and refuses a stale update with 409 Conflict', async () => {
    t = await startTestApiServer()
    const created = await t.core.createNamespacedPod({ namespace: 'default', body: pod('p1') })
    expect(created.spec?.serviceAccountName).toBe('default')
    expect(created.spec?.tolerations?.map((toleration) => toleration.key)).toEqual(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'])
    expect(created.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' })
    const updated = await t.core.replaceNamespacedPod({ namespace: 'default', name: 'p1', body: { ...created, metadata: { ...created.metadata, labels: { app: 'web', v: '2' } } } })
    expect(Number(updated.metadata?.resourceVersion)).toBeGreaterThan(Number(created.metadata?.resourceVersion))
    const stale = await statusOf(t.core.replaceNamespacedPod({ namespace: 'default', name: 'p1', body: created }))
    expect(stale.code).toBe(409)
    expect(stale.body?.reason).toBe('Conflict')
  })

  it('filters lists by label and field selectors', async () => {
    t = await startTestApiServer()
    await t.core.createNamespacedPod({ namespace: 'default', body: pod('a', { app: 'web', tier: 'front' }, 'worker-1') })
    await t.core.createNamespacedPod({ namespace: 'default', body: pod('b', { app: 'web', tier: 'back' }, 'worker-2') })
    await t.core.createNamespacedPod({ namespace: 'default', body: pod('c', { app: 'db' }, 'worker-1') })
    const names = async (options: { labelSelector?: string; fieldSelector?: string }) =>
      (await t.core.listPodForAllNamespaces(options)).items.map((item) => item.metadata?.name)
    expect(await names({ labelSelector: 'app=web,tier in (front,middle)' })).toEqual(['a'])
    expect(await names({ labelSelector: 'tier!=front' })).toEqual(['b', 'c'])
    expect(await names({ labelSelector: '!tier' })).toEqual(['c'])
    expect(await names({ fieldSelector: 'spec.nodeName=worker-1' })).toEqual(['a', 'c'])
    expect(await names({ fieldSelector: 'spec.nodeName=worker-1,metadata.name!=a' })).toEqual(['c'])
    const bad = await statusOf(t.core.listPodForAllNamespaces({ fieldSelector: 'spec.image=x' }))
    expect([bad.code, bad.body?.message]).toEqual([400, 'field label not supported: spec.image'])
  })

  it('applies json-patch, merge-patch and strategic-merge-patch, and answers 415 to strategic merge on a VirtualService', async () => {
    t = await startTestApiServer()
    await t.core.createNamespacedPod({ namespace: 'default', body: pod('p') })
    const json = await t.core.patchNamespacedPod({ namespace: 'default', name: 'p', body: [{ op: 'add', path: '/metadata/labels/x', value: '1' }] })
    expect(json.metadata?.labels).toEqual({ app: 'web', x: '1' })
    const merge = await t.core.patchNamespacedPod(
      { namespace: 'default', name: 'p', body: { metadata: { labels: { x: null, y: '2' } } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    )
    expect(merge.metadata?.labels).toEqual({ app: 'web', y: '2' })
    const strategic = await t.core.patchNamespacedPod(
      { namespace: 'default', name: 'p', body: { spec: { containers: [{ name: 'sidecar', image: 'busybox' }] } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch),
    )
    expect(strategic.spec?.containers.map((container) => container.name)).toEqual(['sidecar', 'c'])
    await t.custom.createNamespacedCustomObject({ group: 'networking.istio.io', version: 'v1', namespace: 'default', plural: 'virtualservices', body: { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'r' }, spec: { hosts: ['r'] } } })
    const refused = await statusOf(
      t.custom.patchNamespacedCustomObject(
        { group: 'networking.istio.io', version: 'v1', namespace: 'default', plural: 'virtualservices', name: 'r', body: { spec: { hosts: ['s'] } } },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch),
      ),
    )
    expect([refused.code, refused.body?.reason]).toEqual([415, 'UnsupportedMediaType'])
    const vs = (await t.custom.getNamespacedCustomObject({ group: 'networking.istio.io', version: 'v1alpha3', namespace: 'default', plural: 'virtualservices', name: 'r' })) as { apiVersion: string; spec: unknown }
    expect([vs.apiVersion, vs.spec]).toEqual(['networking.istio.io/v1alpha3', { hosts: ['r'] }])
  })

  it('deletes a bound pod gracefully and lets the kubelet finish the deletion', async () => {
    t = await startTestApiServer()
    await t.core.createNamespacedPod({ namespace: 'default', body: pod('g', { app: 'web' }, 'worker-1') })
    const terminating = await t.core.deleteNamespacedPod({ namespace: 'default', name: 'g' })
    expect(terminating.metadata?.deletionGracePeriodSeconds).toBe(30)
    const again = await t.core.deleteNamespacedPod({ namespace: 'default', name: 'g', gracePeriodSeconds: 60 })
    expect(again.metadata?.resourceVersion).toBe(terminating.metadata?.resourceVersion)
    expect(finalizePodDeletion(t.store, 'default', 'g')).toBe(true)
    expect((await statusOf(t.core.readNamespacedPod({ namespace: 'default', name: 'g' }))).code).toBe(404)
    await t.core.createNamespacedPod({ namespace: 'default', body: pod('unbound') })
    await t.core.deleteNamespacedPod({ namespace: 'default', name: 'unbound' })
    expect(t.store.get('pods', 'default', 'unbound')).toBeUndefined()
  })

  it('evicts without a PDB, decrements a PDB that allows it, and refuses with 429 once the budget is spent', async () => {
    t = await startTestApiServer()
    for (const name of ['e1', 'e2', 'e3']) {
      await t.core.createNamespacedPod({ namespace: 'default', body: pod(name, { app: name === 'e3' ? 'solo' : 'web' }, 'worker-1') })
      markRunningReady(t, name)
    }
    await t.core.createNamespacedPodEviction({ namespace: 'default', name: 'e3', body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'e3', namespace: 'default' } } })
    expect(t.store.get('pods', 'default', 'e3')?.metadata.deletionTimestamp).toBeTypeOf('string')
    await t.policy.createNamespacedPodDisruptionBudget({ namespace: 'default', body: { metadata: { name: 'pdb' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } } })
    const pdb = t.store.get('policy/poddisruptionbudgets', 'default', 'pdb')!
    t.store.update('policy/poddisruptionbudgets', { ...pdb, status: { observedGeneration: 1, disruptionsAllowed: 1, currentHealthy: 2, desiredHealthy: 1, expectedPods: 2 } })
    await t.core.createNamespacedPodEviction({ namespace: 'default', name: 'e1', body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'e1' } } })
    const after = t.store.get('policy/poddisruptionbudgets', 'default', 'pdb')!.status as { disruptionsAllowed: number; disruptedPods: Record<string, string> }
    expect(after.disruptionsAllowed).toBe(0)
    expect(Object.keys(after.disruptedPods)).toEqual(['e1'])
    const evicted = t.store.get('pods', 'default', 'e1')!
    expect((evicted.status as { conditions: { type: string }[] }).conditions.at(-1)?.type).toBe('DisruptionTarget')
    const blocked = await statusOf(t.core.createNamespacedPodEviction({ namespace: 'default', name: 'e2', body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'e2' } } }))
    expect(blocked.code).toBe(429)
    expect(blocked.body?.details).toEqual({ causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget pdb needs 1 healthy pods and has 2 currently' }] })
  })

  it('answers 403 without a token and 401 with a wrong one', async () => {
    t = await startTestApiServer()
    const anonymous = await t.request('GET', '/api/v1/nodes', { auth: false })
    expect([anonymous.status, anonymous.json?.message]).toEqual([403, 'nodes is forbidden: User "system:anonymous" cannot list resource "nodes" in API group "" at the cluster scope'])
    const wrong = new k8s.KubeConfig()
    wrong.loadFromString(kubeconfigFor(t.server.url, 'wrong'))
    const refused = await statusOf(wrong.makeApiClient(k8s.CoreV1Api).listNode())
    expect(refused.code).toBe(401)
    expect((await t.request('GET', '/version', { auth: false })).status).toBe(200)
  })

  it('garbage-collects the dependents of a deleted owner', async () => {
    t = await startTestApiServer()
    const deployment = await t.apps.createNamespacedDeployment({
      namespace: 'default',
      body: { metadata: { name: 'd' }, spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'x:1' }] } } } },
    })
    const owned = pod('owned', { app: 'd' })
    owned.metadata!.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: deployment.metadata!.uid!, controller: true }]
    await t.core.createNamespacedPod({ namespace: 'default', body: owned })
    await t.apps.deleteNamespacedDeployment({ namespace: 'default', name: 'd' })
    const deadline = Date.now() + 5000
    while (t.store.get('pods', 'default', 'owned') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(t.store.get('pods', 'default', 'owned')).toBeUndefined()
  })
})

/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- recorded bodies are untyped JSON */
// Conformance: replays the requests recorded against a real kube-apiserver and compares the answers.
import { afterEach, describe, expect, it } from 'vitest'
import { loadRecordedCases, seedRecordedWorld, type RecordedCase, type Seed } from '../../../fixtures/apiserver/recorded-world.js'
import { startTestApiServer, type TestApiServer } from '../../../fixtures/apiserver/start-test-api-server.js'
import { type ReplayCheck, checkByShape, keyPaths, withoutVolatile } from '../../../fixtures/apiserver/compare-recorded.js'

const CASES = loadRecordedCases()
const AGGREGATED_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'
const byId = (id: string): RecordedCase => CASES.find((entry) => entry.id === id)!

interface CasePlan {
  seeds?: Seed[]
  /** Earlier cases whose requests bring the cluster into the recorded state. */
  replayFirst?: string[]
  prepare?: (t: TestApiServer) => Promise<void> | void
  check?: ReplayCheck
}

const send = async (t: TestApiServer, recorded: RecordedCase) => {
  const { method, path, query, headers, body } = recorded.request
  const search = new URLSearchParams(query).toString()
  const sentHeaders: Record<string, string> = {}
  let auth = true
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'Authorization') {
      if (value === '(none)') auth = false
      else sentHeaders.Authorization = 'Bearer not-the-token'
    } else sentHeaders[name] = value
  }
  return t.request(method, `${path}${search ? `?${search}` : ''}`, { headers: sentHeaders, auth, ...(body !== null ? { body } : {}) })
}

const WEB: Seed[] = ['nodes', 'web']
const specOf = (path: string) => (actual: any, expected: any) => expect(pick(actual, path)).toEqual(pick(expected, path))
const pick = (object: any, path: string) => path.split('.').reduce((value, key) => value?.[key], object)

/** Pods renamed by the recorded cluster's churn: a seeded pod under the later name. */
const copyPod = (t: TestApiServer, name: string) => {
  const pod = t.store.get('pods', 'default', 'web-6b549fdc5c-gcnt6')!
  t.store.create('pods', { ...pod, metadata: { ...pod.metadata, name } })
}

const PLANS: Record<string, CasePlan> = {
  '027': { seeds: ['nodes'], check: specOf('spec') },
  '036': {},
  '073': {},
  '074': {
    replayFirst: ['073'],
    check: (actual) => {
      expect(actual.metadata.deletionGracePeriodSeconds).toBe(30)
      expect(Math.abs(Date.parse(actual.metadata.deletionTimestamp) - Date.now() - 30_000)).toBeLessThan(5_000)
      expect(actual.status.conditions.at(-1)).toMatchObject({ type: 'DisruptionTarget', reason: 'EvictionByEvictionAPI' })
    },
  },
  '075': { seeds: WEB, check: (actual, expected) => expect([actual.spec, actual.status]).toEqual([expected.spec, expected.status]) },
  '076': { seeds: [...WEB, 'pdb'] },
  '077': { seeds: [...WEB, 'pdb'], prepare: (t) => copyPod(t, 'web-6b549fdc5c-868c8') },
  '079': { prepare: (t) => copyPod(t, 'web-6b549fdc5c-868c8') },
  '080': { seeds: [...WEB, 'pdb'] },
  '081': { seeds: [...WEB, 'pdb'] },
  '082': { check: specOf('spec.unschedulable') },
  '083': { replayFirst: ['082'], check: (actual) => expect(actual.spec).toEqual({}) },
  '084': { check: specOf('spec.unschedulable') },
  '085': { replayFirst: ['084'], check: (actual) => expect(actual.spec).toEqual({}) },
  '086': { replayFirst: ['082'] },
  '088': { replayFirst: ['082'], check: (actual) => expect(actual.spec).toEqual({}) },
  '095': { check: (actual, expected) => expect([actual.kind, actual.apiVersion, actual.spec, actual.status]).toEqual([expected.kind, expected.apiVersion, expected.spec, expected.status]) },
  '096': { replayFirst: ['095'], check: (actual, expected) => expect([actual.spec, actual.status.selector]).toEqual([expected.spec, expected.status.selector]) },
  '097': { replayFirst: ['095'], check: specOf('spec.replicas') },
  '105': { check: (actual, expected) => expect([actual.spec.replicas, actual.spec.template.spec.containers[0].env]).toEqual([expected.spec.replicas, expected.spec.template.spec.containers[0].env]) },
  '107': { check: specOf('spec.template.spec.containers') },
  '108': { replayFirst: ['107'], check: specOf('spec.template.spec.containers') },
  '109': { replayFirst: ['107', '108'], check: specOf('spec.template.spec.containers') },
  '110': { replayFirst: ['107', '108', '109'], check: specOf('spec.template.spec.containers') },
  '111': { check: (actual, expected) => expect([actual.metadata.labels, actual.metadata.annotations]).toEqual([expected.metadata.labels, expected.metadata.annotations]) },
  '112': { replayFirst: ['111'], check: (actual, expected) => expect(actual.metadata.annotations).toEqual(expected.metadata.annotations) },
  '115': { check: specOf('metadata.labels.owner') },
  '116': { seeds: [] },
  '117': { seeds: [] },
  '118': { seeds: ['istio'] },
  '119': { seeds: ['istio'] },
  '120': { seeds: ['istio'] },
  '121': { seeds: ['istio'] },
  '122': { seeds: ['istio'] },
  '123': { seeds: ['istio'] },
  '124': { seeds: ['istio'] },
  '125': { seeds: ['istio'] },
  '127': { seeds: [] },
  '128': { seeds: ['istio'], replayFirst: ['127'] },
  '129': { seeds: ['istio'], replayFirst: ['127'] },
  '130': { seeds: ['istio'], replayFirst: ['127'] },
  '131': { seeds: ['istio'], replayFirst: ['127'] },
  '132': { seeds: ['istio'] },
  '133': { seeds: ['istio'] },
  '134': { seeds: ['istio'], replayFirst: ['127'] },
  '135': { seeds: ['nodes', 'web-7877'] },
  '136': { seeds: ['nodes', 'web-7877'] },
  '137': { seeds: ['nodes', 'web-7877'] },
  '138': { seeds: ['nodes', 'web-7877'] },
  '139': { seeds: ['nodes', 'web-7877'] },
  '140': { seeds: ['istio'] },
  '141': { seeds: [] },
  '142': { seeds: [] },
  '143': {
    seeds: ['nodes', 'web-7877'],
    check: (actual, expected) => {
      expect(actual.reason).toBeUndefined()
      expect(actual.message).toBe(expected.message.replace(' on <dns-server>:53', ''))
    },
  },
  '144': {
    seeds: [],
    prepare: (t) => {
      for (const event of byId('144').response.body.items) {
        const { uid: _u, resourceVersion: _r, creationTimestamp: _c, managedFields: _m, ...metadata } = event.metadata
        t.store.create('events', { ...event, kind: 'Event', apiVersion: 'v1', metadata })
      }
    },
  },
  '145': {
    seeds: [],
    check: (actual, expected) => {
      expect(withoutVolatile(actual.spec, ['clusterIP', 'clusterIPs'])).toEqual(withoutVolatile(expected.spec, ['clusterIP', 'clusterIPs']))
      expect(actual.spec.clusterIPs).toEqual([actual.spec.clusterIP])
      expect(actual.status).toEqual(expected.status)
    },
  },
  '146': {
    seeds: [],
    prepare: (t) => {
      const { uid: _u, resourceVersion: _r, creationTimestamp: _c, managedFields: _m, ...metadata } = byId('146').response.body.metadata
      t.store.create('endpoints', { ...byId('146').response.body, metadata })
    },
  },
  '147': { seeds: ['services'] },
  '148': { seeds: [] },
  '149': { seeds: [], replayFirst: ['148'] },
  '150': { seeds: [], replayFirst: ['148', '149'] },
  '151': { seeds: [], prepare: (t) => void t.store.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { a: '1' } }) },
  '152': { seeds: [] },
  '153': { seeds: [], replayFirst: ['152'] },
  '154': {
    seeds: [],
    prepare: async (t) => {
      const recorded = byId('154').response.body
      await t.request('POST', '/apis/apps/v1/namespaces/default/deployments', { body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'tmp' }, spec: recorded.spec } })
    },
    check: (actual, expected) => {
      expect([actual.metadata.finalizers, actual.metadata.deletionGracePeriodSeconds, actual.metadata.generation]).toEqual([expected.metadata.finalizers, 0, 2])
      expect(actual.metadata.deletionTimestamp).toBeTypeOf('string')
    },
  },
}

/** Cases replayed elsewhere (custom tests below) or not at all; docs/emulator-api.md says why. */
const NOT_GENERIC = new Set(['069', '070', '001', '015', '016', '017', '087', '089', '090', '091', '092', '093', '094', '098', '099', '100', '101', '102', '104', '113', '155'])

describe('recorded kube-apiserver cases', () => {
  let t: TestApiServer | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  const generic = CASES.filter((entry) => !NOT_GENERIC.has(entry.id))
  it.each(generic.map((entry) => [entry.file, entry] as const))('%s', async (_file, recorded) => {
    const plan = PLANS[recorded.id] ?? {}
    t = await startTestApiServer()
    seedRecordedWorld(t.store, CASES, plan.seeds ?? WEB)
    for (const id of plan.replayFirst ?? []) {
      const earlier = await send(t, byId(id))
      expect(earlier.status, `setup replay of ${id}`).toBeLessThan(300)
    }
    await plan.prepare?.(t)
    const actual = await send(t, recorded)
    expect(actual.status, actual.text).toBe(recorded.response.status)
    const expectedType = recorded.response.headers['Content-Type']
    if (expectedType) expect(actual.headers.get('content-type')).toBe(expectedType)
    if (plan.check) plan.check(actual.json, recorded.response.body)
    else checkByShape(actual, recorded)
  })
})

describe('recorded cases with a sequence of their own', () => {
  let t: TestApiServer | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  it('001: every request of kubectl get pods with an empty discovery cache is answered 200 application/json', async () => {
    t = await startTestApiServer()
    seedRecordedWorld(t.store, CASES, WEB)
    const sequence = (byId('001') as unknown as { sequence: { url: string; headers: Record<string, string> }[] }).sequence
    expect(sequence.length).toBeGreaterThan(3)
    for (const step of sequence) {
      const unserved = /^\/apis\/(?!apps\/|policy\/|coordination\.k8s\.io\/|discovery\.k8s\.io\/v1[/?]|events\.k8s\.io\/v1[/?]|networking\.istio\.io\/)/.test(step.url)
      const response = await t.request('GET', step.url, { headers: { Accept: step.headers.Accept ?? 'application/json' } })
      expect(response.status, step.url).toBe(unserved ? 404 : 200)
      // /api and /apis: kubectl asks for aggregated discovery first, which 1.32 serves (015–017 below)
      const aggregated = /^\/apis?\?/.test(step.url) && step.headers.Accept?.includes('apidiscovery.k8s.io')
      if (!unserved) expect(response.headers.get('content-type'), step.url).toBe(aggregated ? AGGREGATED_V2 : 'application/json')
    }
  })

  it('015–017: an Accept naming aggregated discovery gets the APIGroupDiscoveryList kube-apiserver 1.32 sends (1.24 had none)', async () => {
    t = await startTestApiServer()
    for (const id of ['015', '016', '017']) {
      const recorded = byId(id)
      const response = await send(t, recorded)
      expect([response.status, response.headers.get('content-type'), (response.json as { kind?: string }).kind], id).toEqual([200, AGGREGATED_V2, 'APIGroupDiscoveryList'])
    }
  })

  it('090-093: graceful delete returns the Pod, repeats as a no-op, and the final delete removes it', async () => {
    t = await startTestApiServer()
    seedRecordedWorld(t.store, CASES, WEB)
    const deleted = await send(t, byId('090'))
    expect(deleted.status).toBe(200)
    expect(deleted.json!.kind).toBe('Pod')
    expect(deleted.json!.metadata.deletionGracePeriodSeconds).toBe(30)
    expect(deleted.json!.status.phase).toBe('Running')
    const during = await send(t, byId('091'))
    expect(during.json!.metadata.resourceVersion).toBe(deleted.json!.metadata.resourceVersion)
    const again = await send(t, byId('092'))
    expect([again.status, again.json!.metadata.resourceVersion]).toEqual([200, deleted.json!.metadata.resourceVersion])
    const { finalizePodDeletion } = await import('../registry/kinds/pod-deletion.js')
    expect(finalizePodDeletion(t.store, 'default', 'web-6b549fdc5c-c2hnr')).toBe(true)
    const gone = await send(t, byId('093'))
    expect([gone.status, gone.json!.reason]).toEqual([404, 'NotFound'])
  })

  it('069/070 answered as kube-apiserver 1.32 answers (1.24 ignored fieldValidation=Strict): 400 strict decoding error, nothing stored', async () => {
    t = await startTestApiServer()
    seedRecordedWorld(t.store, CASES, ['nodes'])
    const refused = await send(t, byId('069'))
    expect([refused.status, refused.json!.reason, refused.json!.message]).toEqual([
      400,
      'BadRequest',
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass"',
    ])
    expect((await send(t, byId('070'))).status).toBe(404)
  })

  it('113: a patch that changes nothing keeps resourceVersion and generation', async () => {
    t = await startTestApiServer()
    seedRecordedWorld(t.store, CASES, WEB)
    const before = t.store.get('apps/deployments', 'default', 'web')!
    const response = await send(t, byId('113'))
    expect(response.status).toBe(200)
    expect([response.json!.metadata.resourceVersion, response.json!.metadata.generation]).toEqual([before.metadata.resourceVersion, before.metadata.generation])
  })

  it('CR objects come back with every key sorted (116, 118)', async () => {
    t = await startTestApiServer()
    const created = await send(t, byId('116'))
    expect(keyPaths(withoutVolatile(created.json, []))).toEqual(keyPaths(withoutVolatile(byId('116').response.body, [])))
    expect(Object.keys(created.json!.metadata)).toEqual(Object.keys(byId('116').response.body.metadata))
    expect(created.json!.metadata.managedFields.map((entry: any) => entry.operation)).toEqual(byId('116').response.body.metadata.managedFields.map((entry: any) => entry.operation))
  })
})

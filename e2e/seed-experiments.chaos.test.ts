// The seed article's experiments, run unchanged through the CLI against an emulated cluster with bookinfo.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig, Watch } from '@kubernetes/client-node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../src/cli/main.js'
import { startEmulatedCluster, type EmulatedCluster } from '../src/emulator/index.js'
import type { Journal } from '../src/journal/types.js'

const experiment = (file: string) => join(import.meta.dirname, '..', 'fixtures', 'experiments', file)
const NS = 'bookinfo'
const VS = { group: 'networking.istio.io', version: 'v1alpha3', namespace: NS, plural: 'virtualservices', name: 'reviews' }

let cluster: EmulatedCluster
let kc: KubeConfig
let core: CoreV1Api
let apps: AppsV1Api
let custom: CustomObjectsApi
const journals = mkdtempSync(join(tmpdir(), 'seed-journals-'))

/** `vitest-chaos run <file> [flags]` in process; returns the exit code, the output and the journal. */
const run = async (file: string, ...flags: string[]) => {
  const journalPath = join(journals, `${file}-${Date.now()}.json`)
  let stdout = ''
  let stderr = ''
  const code = await main(['run', experiment(file), '--journal-path', journalPath, ...flags], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    signal: new AbortController().signal,
  })
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal
  return { code, stdout, stderr, journal }
}

const cordoned = async () => (await core.listNode()).items.filter((n) => n.spec?.unschedulable).map((n) => n.metadata!.name!)

const waitUntil = async (what: string, condition: () => Promise<boolean>, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs
  for (let attempt = 0; attempt < 5000 && Date.now() < deadline; attempt++) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
}

// every deployment available and no pod still terminating: the steady cluster each experiment starts from
const bookinfoSettled = async () =>
  (await apps.listNamespacedDeployment({ namespace: NS })).items.every((d) => d.status?.availableReplicas === d.spec?.replicas) &&
  (await core.listNamespacedPod({ namespace: NS })).items.every((p) => !p.metadata?.deletionTimestamp)

beforeAll(async () => {
  cluster = await startEmulatedCluster({ bookinfo: true })
  // what `vitest-chaos cluster up` tells the user to export
  process.env.KUBECONFIG = cluster.kubeconfigPath
  process.env.PRODUCT_PAGE_SERVICE_BASE_URL = cluster.productPageUrl
  kc = new KubeConfig()
  kc.loadFromString(cluster.kubeconfig)
  core = kc.makeApiClient(CoreV1Api)
  apps = kc.makeApiClient(AppsV1Api)
  custom = kc.makeApiClient(CustomObjectsApi)
})

afterAll(async () => {
  await cluster?.stop()
  rmSync(journals, { recursive: true, force: true })
})

afterEach(async () => {
  for (const name of await cordoned()) await core.patchNode({ name, body: [{ op: 'remove', path: '/spec/unschedulable' }] })
  await waitUntil('bookinfo settled again', bookinfoSettled)
})

describe('experiment 1: drain a node', () => {
  it('completes and leaves the drained node cordoned when there is no rollback', async () => {
    const { code, journal } = await run('drain-nodes.json')
    expect(journal.status).toBe('completed')
    expect(journal.deviated).toBe(false)
    expect(code).toBe(0)
    const drained = journal.run[0]!.output as string[]
    expect(journal.run[0]!.status).toBe('succeeded')
    expect(drained).toHaveLength(1)
    expect(await cordoned()).toEqual(drained)
    const left = await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${drained[0]}` })
    expect(left.items.filter((p) => p.metadata?.namespace === NS && !p.metadata.deletionTimestamp)).toEqual([])
  })

  it('completes and uncordons the node with the uncordon rollback', async () => {
    const { code, journal } = await run('drain-nodes-with-rollback.json')
    expect(journal.status).toBe('completed')
    expect(code).toBe(0)
    expect(journal.run[0]!.output).toHaveLength(1)
    expect(journal.rollbacks.map((r) => [r.activity.name, r.status])).toEqual([['uncordon-node', 'succeeded']])
    expect(await cordoned()).toEqual([])
  })
})

describe('experiment 2: terminate half of ratings-v2', () => {
  it('replaces 3 of the 6 ratings-v2 pods and completes', async () => {
    const before = (await core.listNamespacedPod({ namespace: NS, labelSelector: 'app=ratings' })).items
      .filter((p) => p.metadata!.name!.startsWith('ratings-v2') && !p.metadata!.deletionTimestamp)
      .map((p) => p.metadata!.name!)
    expect(before).toHaveLength(6)
    const { code, journal } = await run('terminate-half-ratings-v2.json')
    expect(journal.status).toBe('completed')
    expect(journal.deviated).toBe(false)
    expect(code).toBe(0)
    const killed = journal.run[0]!.output as string[]
    expect(killed).toHaveLength(3)
    for (const name of killed) expect(before).toContain(name)
    const after = (await core.listNamespacedPod({ namespace: NS, labelSelector: 'app=ratings' })).items
      .filter((p) => p.metadata!.name!.startsWith('ratings-v2') && !p.metadata!.deletionTimestamp)
      .map((p) => p.metadata!.name!)
    expect(after).toHaveLength(6)
    expect(after.filter((name) => !before.includes(name))).toHaveLength(3)
    expect(journal.steady_states.after?.steady_state_met).toBe(true)
  })
})

describe('experiment 3: terminate every ratings pod', () => {
  it('loses ratings-v2 for a moment (seen by a watch during the pause), then recovers and completes', async () => {
    const available: Array<number | undefined> = []
    const watch = await new Watch(kc).watch(
      `/apis/apps/v1/namespaces/${NS}/deployments`,
      { fieldSelector: 'metadata.name=ratings-v2' },
      (_type, object: { status?: { availableReplicas?: number } }) => void available.push(object.status?.availableReplicas),
      () => undefined,
    )
    const ratingsBefore = (await core.listNamespacedPod({ namespace: NS, labelSelector: 'app=ratings' })).items.length
    try {
      const { code, journal } = await run('terminate-all-ratings.json')
      expect(journal.status).toBe('completed')
      expect(code).toBe(0)
      expect(journal.run[0]!.output).toHaveLength(ratingsBefore)
      expect(journal.steady_states.after?.steady_state_met).toBe(true)
    } finally {
      watch.abort()
    }
    expect(available[0]).toBe(6)
    expect(Math.min(...available.map((n) => n ?? 0))).toBeLessThan(6)
    expect(available.at(-1)).toBe(6)
  })
})

describe('experiment 4: latency on reviews v3', () => {
  const routes = () => custom.getNamespacedCustomObject(VS) as Promise<{ spec: { http: Array<{ fault?: unknown }> } }>
  const delay = { delay: { fixedDelay: '5s', percentage: { value: 100 } } }

  beforeEach(async () => {
    // the article's reviews VirtualService: every user goes to v3, no fault
    await custom.patchNamespacedCustomObject({
      ...VS,
      body: [{ op: 'replace', path: '/spec/http', value: [{ route: [{ destination: { host: 'reviews', subset: 'v3' } }] }] }],
    })
  })

  const expectDeviated = (journal: Journal) => {
    expect(journal.status).toBe('completed')
    expect(journal.deviated).toBe(true)
    expect(journal.steady_states.before?.steady_state_met).toBe(true)
    const missed = journal.steady_states.after!.probes.find((p) => p.activity.name === 'fetch-productpage-for-jason-in-due-time')!
    expect(missed.tolerance_met).toBe(false)
    expect(journal.run[0]!.output).toMatchObject({ status: 200, body: { spec: { http: [{ fault: delay }] } } })
  }

  it('deviates; when no rollback is played (the article\'s first run, as chaoslib 2021 did) the 5 s delay stays', async () => {
    const { code, journal } = await run('reviews-latency.json', '--rollback-strategy', 'never')
    expectDeviated(journal)
    expect(code).toBe(1)
    expect(journal.rollbacks).toEqual([])
    expect((await routes()).spec.http[0]!.fault).toEqual(delay)
  })

  it('deviates and removes the fault with --rollback-strategy deviated', async () => {
    const { code, journal } = await run('reviews-latency.json', '--rollback-strategy', 'deviated')
    expectDeviated(journal)
    expect(code).toBe(1)
    expect(journal.rollbacks.map((r) => [r.activity.name, r.status])).toEqual([['remove-fault-for-reviews-service', 'succeeded']])
    expect((await routes()).spec.http[0]!.fault).toBeUndefined()
  })

  it('in strict mode, snapshots the routes, rolls back and leaves the VirtualService exactly as it was', async () => {
    const before = (await custom.getNamespacedCustomObject(VS)) as { metadata: { annotations?: Record<string, string> }; spec: unknown }
    const { journal } = await run('reviews-latency.json', '--strict', '--rollback-strategy', 'never')
    expectDeviated(journal)
    expect(journal['vitest-chaos']?.mode).toBe('strict')
    const written = journal.run[0]!.output as { body: { metadata: { annotations: Record<string, string> } } }
    expect(JSON.parse(written.body.metadata.annotations['vitest-chaos.io/pre-fault-http']!)).toEqual((before.spec as { http: unknown }).http)
    expect(journal.rollbacks.map((r) => [r.activity.name, r.status])).toEqual([['remove-fault-for-reviews-service', 'succeeded']])
    const after = (await custom.getNamespacedCustomObject(VS)) as typeof before
    expect(after.spec).toEqual(before.spec)
    expect(after.metadata.annotations?.['vitest-chaos.io/pre-fault-http']).toBeUndefined()
  })

  it('also removes it under the default strategy, as current chaoslib plays rollbacks after a deviation', async () => {
    const { journal } = await run('reviews-latency.json')
    expectDeviated(journal)
    expect(journal.rollbacks.map((r) => r.status)).toEqual(['succeeded'])
    expect((await routes()).spec.http[0]!.fault).toBeUndefined()
  })
})

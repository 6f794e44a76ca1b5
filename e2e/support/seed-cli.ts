// Shared set-up of the seed CLI tests: one emulated bookinfo cluster per file, the environment
// `vitest-chaos cluster up` prints, and `vitest-chaos run` called in process.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { main } from '../../src/cli/main.js'
import { startEmulatedCluster, type EmulatedCluster } from '../../src/emulator/index.js'
import type { Journal } from '../../src/journal/types.js'

export const NS = 'bookinfo'
export const VS = { group: 'networking.istio.io', version: 'v1alpha3', namespace: NS, plural: 'virtualservices', name: 'reviews' }

export interface SeedWorld {
  cluster: EmulatedCluster
  kc: KubeConfig
  core: CoreV1Api
  apps: AppsV1Api
  custom: CustomObjectsApi
}

const experiment = (file: string) => join(import.meta.dirname, '..', '..', 'fixtures', 'experiments', file)

export const waitUntil = async (what: string, condition: () => Promise<boolean>, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs
  for (let attempt = 0; attempt < 5000 && Date.now() < deadline; attempt++) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
}

/** Registers the file's cluster hooks; the returned world is filled in by `beforeAll`. */
export const useSeedCluster = () => {
  const world = {} as SeedWorld
  const journals = mkdtempSync(join(tmpdir(), 'seed-journals-'))

  const cordoned = async () => (await world.core.listNode()).items.filter((n) => n.spec?.unschedulable).map((n) => n.metadata!.name!)

  // every deployment available and no pod still terminating: the steady cluster each experiment starts from
  const bookinfoSettled = async () =>
    (await world.apps.listNamespacedDeployment({ namespace: NS })).items.every((d) => d.status?.availableReplicas === d.spec?.replicas) &&
    (await world.core.listNamespacedPod({ namespace: NS })).items.every((p) => !p.metadata?.deletionTimestamp)

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

  beforeAll(async () => {
    world.cluster = await startEmulatedCluster({ bookinfo: true })
    // what `vitest-chaos cluster up` tells the user to export
    process.env.KUBECONFIG = world.cluster.kubeconfigPath
    process.env.PRODUCT_PAGE_SERVICE_BASE_URL = world.cluster.productPageUrl
    world.kc = new KubeConfig()
    world.kc.loadFromString(world.cluster.kubeconfig)
    world.core = world.kc.makeApiClient(CoreV1Api)
    world.apps = world.kc.makeApiClient(AppsV1Api)
    world.custom = world.kc.makeApiClient(CustomObjectsApi)
  })

  afterAll(async () => {
    await world.cluster?.stop()
    rmSync(journals, { recursive: true, force: true })
  })

  afterEach(async () => {
    for (const name of await cordoned()) await world.core.patchNode({ name, body: [{ op: 'remove', path: '/spec/unschedulable' }] })
    await waitUntil('bookinfo settled again', bookinfoSettled)
  })

  return { world, run, cordoned }
}

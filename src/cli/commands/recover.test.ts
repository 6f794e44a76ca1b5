// `vitest-chaos recover` against the emulated cluster: faults made by the real drivers, their run made dead by
// pointing the recorded pid at a process that has exited, then recovered exactly.
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node'
import { execa } from 'execa'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulatedCluster, type EmulatedCluster } from '../../emulator/index.js'
import { driverCatalog } from '../../drivers/catalog.js'
import { FAULT_ANNOTATIONS } from '../../drivers/ledger/fault-record.js'
import { callActivity, idleProgram } from '../../testing/call-activity.js'
import { main } from '../main.js'

const NS = 'recover'
const VS = { group: 'networking.istio.io', version: 'v1alpha3', namespace: NS, plural: 'virtualservices', name: 'reviews' }
const http = [
  { match: [{ headers: { 'end-user': { exact: 'jason' } } }], route: [{ destination: { host: 'reviews', subset: 'v2' } }] },
  { route: [{ destination: { host: 'reviews', subset: 'v1' } }], fault: { abort: { httpStatus: 500, percentage: { value: 10 } } } },
]
const node = driverCatalog['chaosk8s.node.actions']!
const deployment = driverCatalog['chaosk8s.deployment.actions']!
const istio = driverCatalog['chaosistio.fault.actions']!

let cluster: EmulatedCluster
let kc: KubeConfig
let dir: string
let deadPid: number
const env = { ...process.env }

const cli = async (...argv: string[]) => {
  let stdout = ''
  let stderr = ''
  const code = await main(['recover', ...argv], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), signal: new AbortController().signal })
  return { code, stdout, stderr, lines: stdout.trim().split('\n') }
}

const nodes = async () => (await kc.makeApiClient(CoreV1Api).listNode()).items
const virtualService = async () => (await kc.makeApiClient(CustomObjectsApi).getNamespacedCustomObject(VS)) as { metadata: { annotations?: Record<string, string> }; spec: unknown }
const replicas = async () => (await kc.makeApiClient(AppsV1Api).readNamespacedDeployment({ name: 'web', namespace: NS })).spec?.replicas

/** Makes every recorded run look dead: its pid is now one that has exited. */
const killRecordedRuns = async () => {
  const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch)
  const body = { metadata: { annotations: { [FAULT_ANNOTATIONS.pid]: String(deadPid) } } }
  for (const item of await nodes()) if (item.metadata?.annotations?.[FAULT_ANNOTATIONS.pid]) await kc.makeApiClient(CoreV1Api).patchNode({ name: item.metadata.name!, body }, merge)
  await kc.makeApiClient(AppsV1Api).patchNamespacedDeployment({ name: 'web', namespace: NS, body }, merge)
  await kc.makeApiClient(CustomObjectsApi).patchNamespacedCustomObject({ ...VS, body }, merge)
}

const injectFaults = async () => {
  await callActivity(node.cordon_node, { name: 'chaos-worker2' }, true)
  await callActivity(deployment.scale_deployment, { name: 'web', ns: NS, replicas: 0 }, true)
  await callActivity(istio.add_delay_fault, { virtual_service_name: 'reviews', ns: NS, fixed_delay: '3s', routes: [{ destination: { host: 'reviews', subset: 'v2' } }] }, true)
}

beforeAll(async () => {
  cluster = await startEmulatedCluster({ bookinfo: false, programs: new Map([['idle', idleProgram]]) })
  dir = await mkdtemp(join(tmpdir(), 'recover-'))
  process.env.KUBECONFIG = cluster.kubeconfigPath
  process.env.CHAOS_LEDGER = join(dir, 'ledger.jsonl')
  kc = new KubeConfig()
  kc.loadFromString(cluster.kubeconfig)
  await kc.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: NS } } })
  const exited = execa(process.execPath, ['-e', ''])
  await exited
  deadPid = exited.pid!
})

afterAll(async () => {
  process.env.KUBECONFIG = env.KUBECONFIG
  process.env.CHAOS_LEDGER = env.CHAOS_LEDGER
  if (env.KUBECONFIG === undefined) delete process.env.KUBECONFIG
  if (env.CHAOS_LEDGER === undefined) delete process.env.CHAOS_LEDGER
  await cluster?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

beforeEach(async () => {
  const custom = kc.makeApiClient(CustomObjectsApi)
  await custom.deleteNamespacedCustomObject(VS).catch(() => undefined)
  await custom.createNamespacedCustomObject({ ...VS, body: { apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService', metadata: { name: 'reviews' }, spec: { hosts: ['reviews'], http } } })
  const apps = kc.makeApiClient(AppsV1Api)
  await apps.deleteNamespacedDeployment({ name: 'web', namespace: NS }).catch(() => undefined)
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'main', image: 'idle:1' }] } }
  await apps.createNamespacedDeployment({ namespace: NS, body: { metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template } } })
  expect((await cli('--all')).code).toBe(0)
})

describe('vitest-chaos recover', () => {
  it('leaves the faults of a live run alone, then undoes them exactly once the run is dead; a second run is a no-op', async () => {
    const before = (await virtualService()).spec
    await injectFaults()
    expect((await virtualService()).metadata.annotations?.[FAULT_ANNOTATIONS.change]).toBe('http-fault')

    const live = await cli()
    expect(live.code).toBe(0)
    expect(live.lines).toHaveLength(3)
    expect(live.lines.every((line) => line.startsWith('left ') && line.includes('is alive'))).toBe(true)

    await killRecordedRuns()
    const dry = await cli('--dry-run')
    expect(dry.lines.map((line) => line.split(':')[0]!.replace(/\s+/g, ' '))).toEqual(expect.arrayContaining(['would-recover Node chaos-worker2', 'would-recover Deployment recover/web', 'would-recover VirtualService recover/reviews']))
    expect(await replicas()).toBe(0)

    const first = await cli()
    expect(first.code).toBe(0)
    expect(first.lines).toHaveLength(3)
    expect(first.stdout).toMatch(/^recovered +Node chaos-worker2: uncordoned; run .* is dead$/m)
    expect(first.stdout).toMatch(/^recovered +Deployment recover\/web: scaled back to 2 replicas \(from 0\)/m)
    expect((await nodes()).every((item) => item.spec?.unschedulable !== true)).toBe(true)
    expect(await replicas()).toBe(2)
    const after = await virtualService()
    expect(JSON.stringify(after.spec)).toBe(JSON.stringify(before))
    expect(Object.keys(after.metadata.annotations ?? {}).filter((key) => key.startsWith('vitest-chaos.io/'))).toEqual([])

    const second = await cli()
    expect(second).toMatchObject({ code: 0, stdout: "nothing to recover on context 'emulated'\n" })
  })

  it('a rollback clears the records, so there is nothing to recover', async () => {
    await injectFaults()
    await callActivity(node.uncordon_node, { name: 'chaos-worker2' }, true)
    await callActivity(deployment.scale_deployment, { name: 'web', ns: NS, replicas: 2 }, true)
    await callActivity(istio.remove_delay_fault, { virtual_service_name: 'reviews', ns: NS, routes: [{ destination: { host: 'reviews', subset: 'v2' } }] }, true)
    expect(await cli('--all')).toMatchObject({ code: 0, stdout: "nothing to recover on context 'emulated'\n" })
  })

  it('skips and reports a corrupt ledger line, still recovers the rest, and closes a ledger entry whose object is gone', async () => {
    await injectFaults()
    await killRecordedRuns()
    await appendFile(process.env.CHAOS_LEDGER!, '{"v":1,"event":"intent",\n')
    await kc.makeApiClient(CustomObjectsApi).deleteNamespacedCustomObject(VS)
    const result = await cli()
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^ledger +line \d+ of .*ledger\.jsonl skipped: not JSON/m)
    expect(result.stdout).toMatch(/^gone +VirtualService recover\/reviews: no longer exists; nothing to undo/m)
    expect(result.stdout).toMatch(/^recovered +Node chaos-worker2/m)
    expect((await cli()).stdout).toBe("nothing to recover on context 'emulated'\n")
  })

  it('refuses to guess: routes changed since the fault make it exit 1 saying what and why', async () => {
    await injectFaults()
    await killRecordedRuns()
    const current = await virtualService()
    const changed = [...(current.spec as { http: unknown[] }).http, { route: [{ destination: { host: 'reviews', subset: 'v3' } }] }]
    await kc.makeApiClient(CustomObjectsApi).patchNamespacedCustomObject({ ...VS, body: { spec: { http: changed } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch))
    const result = await cli()
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^failed +VirtualService recover\/reviews: not undone: its routes changed since the fault was injected/m)
    expect(result.stdout).toMatch(/^recovered +Node chaos-worker2/m)
  })

  it('vitest-chaos run stops before a cluster experiment while dead runs left faults, and CHAOS_RECOVER=auto undoes them first', async () => {
    const experiment = join(dir, 'nodes.json')
    const probe = { type: 'probe', name: 'list-nodes', provider: { type: 'python', module: 'chaosk8s.node.probes', func: 'get_nodes', arguments: {} } }
    await writeFile(experiment, JSON.stringify({ title: 'list nodes', description: 'touches the cluster', method: [probe] }))
    await injectFaults()
    await killRecordedRuns()
    const run = async () => {
      let stderr = ''
      const code = await main(['run', experiment, '--journal-path', join(dir, 'journal.json')], { stdout: () => undefined, stderr: (text) => void (stderr += text), signal: new AbortController().signal })
      return { code, stderr }
    }
    const refused = await run()
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/vitest-chaos run: context 'emulated': 3 faults left by a run that is no longer alive: .*Node chaos-worker2 \(cordon by run .*dead\).*Undo them first with `npx vitest-chaos recover`/)
    expect(await replicas()).toBe(0)
    process.env.CHAOS_RECOVER = 'auto'
    try {
      const auto = await run()
      expect(auto.code).toBe(0)
      expect(auto.stderr).toMatch(/CHAOS_RECOVER=auto: recovered +Deployment recover\/web: scaled back to 2 replicas/)
    } finally {
      delete process.env.CHAOS_RECOVER
    }
    expect(await replicas()).toBe(2)
  })

  it('refuses a context outside the allow-list before sending a request, and bad flags, in one line each', async () => {
    const refused = await execa(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'dev-main.ts'), 'recover'], {
      reject: false,
      env: { KUBECONFIG: cluster.kubeconfigPath, CHAOS_ALLOWED_CONTEXTS: 'kind-*', CHAOS_LEDGER: process.env.CHAOS_LEDGER },
    })
    expect(refused.exitCode).toBe(1)
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^vitest-chaos recover: existing cluster: refused context 'emulated' before sending it a single request/)])
    expect(await cli('--older-than', 'soon')).toMatchObject({ code: 2, stderr: expect.stringContaining("invalid value for '--older-than'") })
    expect(await cli('--context', 'nope')).toMatchObject({ code: 1, stderr: expect.stringContaining("context 'nope' is not in the kubeconfig") })
  })
})

// Rollbacks run after a chaos test whatever its ending: pass, failed assertion, throw, timeout, timeout inside a matcher.
// The endings are real Vitest tests (e2e/fixtures/rollback-project) run through startVitest against this file's cluster.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startVitest } from 'vitest/node'
import type { RunnerTestCase } from 'vitest'
import { startCluster, type StartedCluster } from '../src/index.js'
import type { Journal } from '../src/journal/types.js'

const project = fileURLToPath(new URL('./fixtures/rollback-project/', import.meta.url))
const silent = () => new Writable({ write: (_chunk, _encoding, done) => done() }) as NodeJS.WriteStream

describe('rollbacks after every way a chaos test can end', () => {
  let cluster: StartedCluster
  let journals: string
  let tests: Map<string, RunnerTestCase>
  const saved = { ...process.env }

  beforeAll(async () => {
    cluster = await startCluster({ provider: 'emulated' })
    journals = await mkdtemp(join(tmpdir(), 'rollback-journals-'))
    Object.assign(process.env, cluster.env, { CHAOS_CLUSTER: 'existing', CHAOS_FIXTURE_JOURNALS: journals })
    const vitest = await startVitest('test', [], { root: project, config: false, include: ['*.fixture.ts'], watch: false, reporters: [] }, {}, { stdout: silent(), stderr: silent() })
    process.exitCode = 0
    await vitest.close()
    const file = vitest.state.getFiles()[0]!
    tests = new Map(file.tasks.map((task) => [task.name, task as RunnerTestCase]))
  }, 120_000)

  afterAll(async () => {
    process.env = saved
    await cluster?.stop()
    if (journals) await rm(journals, { recursive: true, force: true })
  })

  it('sees each test end as intended', () => {
    const endings = [...tests.values()].map((test) => [test.name, test.result?.state, test.result?.errors?.[0]?.message.split('\n')[0]])
    expect(endings).toEqual([
      ['passes', 'pass', undefined],
      ['fails an assertion', 'fail', 'expected true to be false // Object.is equality'],
      ['throws', 'fail', 'the test threw after injecting the fault'],
      ['times out', 'fail', 'Test timed out in 2000ms.'],
      ['times out in the middle of toStaySteadyDuring', 'fail', 'Test timed out in 4000ms.'],
    ])
  })

  it('leaves no node cordoned', async () => {
    const kc = new KubeConfig()
    kc.loadFromString(cluster.kubeconfig)
    const nodes = (await kc.makeApiClient(CoreV1Api).listNode()).items
    expect(nodes.map((node) => [node.metadata!.name, node.spec?.unschedulable ?? false])).toEqual([
      ['chaos-control-plane', false],
      ['chaos-worker', false],
      ['chaos-worker2', false],
      ['chaos-worker3', false],
    ])
  })

  it('records the rollback in each test journal, on the test, after the test ended', async () => {
    const files = (await readdir(journals, { recursive: true })).filter((file) => file.endsWith('.json')).sort()
    const read = async (file: string) => JSON.parse(await readFile(join(journals, file), 'utf8')) as Journal
    const summary = await Promise.all(files.map(async (file) => {
      const journal = await read(file)
      return [file.split('/').pop(), journal.status, journal.rollbacks.map((run) => [run.activity.name, run.status])]
    }))
    expect(summary).toEqual([
      ['fails-an-assertion.json', 'completed', [['uncordon-node', 'succeeded']]],
      ['passes.json', 'completed', [['uncordon-node', 'succeeded']]],
      ['throws.json', 'completed', [['uncordon-node', 'succeeded']]],
      ['times-out-in-the-middle-of-tostaysteadyduring.json', 'interrupted', [['uncordon-node', 'succeeded']]],
      ['times-out.json', 'completed', [['uncordon-node', 'succeeded']]],
    ])
    const passed = await read(files[1]!)
    expect(Date.parse(passed.rollbacks[0]!.start)).toBeGreaterThan(Date.parse(passed.run.at(-1)!.end!))
    expect(tests.get('times out')!.meta.chaos!.runs[0]!.journal.rollbacks).toHaveLength(1)
  })
})

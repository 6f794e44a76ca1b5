// Ctrl-C in the middle of a chaos test: the worker interrupts the run and plays the rollbacks before it exits.
// The inner project runs through the real vitest CLI in its own process group, which then gets SIGINT as a terminal sends it.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCluster, type StartedCluster } from '../src/index.js'
import type { Journal } from '../src/journal/types.js'

const waitFor = async (what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  for (let attempt = 0; attempt < 10_000 && Date.now() < deadline; attempt++) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
}

describe('SIGINT during a chaos test', () => {
  let cluster: StartedCluster
  let dir: string
  let cordonedBeforeInterrupt: boolean
  let exit: { exitCode?: number; signal?: string; stderr: string }

  const isCordoned = async () => {
    const kc = new KubeConfig()
    kc.loadFromString(cluster.kubeconfig)
    return (await kc.makeApiClient(CoreV1Api).readNode({ name: 'chaos-worker2' })).spec?.unschedulable === true
  }

  beforeAll(async () => {
    cluster = await startCluster({ provider: 'emulated' })
    dir = await mkdtemp(join(tmpdir(), 'interrupt-'))
    const marker = join(dir, 'cordoned')
    const inner = execa('npx', ['vitest', 'run', '--root', 'e2e/fixtures/interrupt-project'], {
      detached: true,
      reject: false,
      all: true,
      env: { ...cluster.env, CHAOS_CLUSTER: 'existing', CHAOS_FIXTURE_JOURNALS: join(dir, 'journals'), CHAOS_FIXTURE_MARKER: marker },
    })
    try {
      await waitFor('the inner test to cordon chaos-worker2', () => existsSync(marker), 90_000)
      cordonedBeforeInterrupt = await isCordoned()
    } finally {
      process.kill(-inner.pid!, 'SIGINT')
    }
    const result = await inner
    exit = { exitCode: result.exitCode, signal: result.signal, stderr: result.all }
  }, 150_000)

  afterAll(async () => {
    await cluster?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('had the node cordoned when the interrupt came', () => {
    expect(cordonedBeforeInterrupt).toBe(true)
  })

  it('rolled the fault back before the worker exited', async () => {
    // the vitest main process exits at once (so what the worker prints may never reach us); the worker finishes
    // the rollback, then writes the journal and exits: the journal and the node are the evidence
    const journalFile = async () => {
      const names = existsSync(join(dir, 'journals')) ? await readdir(join(dir, 'journals'), { recursive: true }) : []
      const file = names.find((name) => name.endsWith('.json'))
      return file && join(dir, 'journals', file)
    }
    const journal = async () => JSON.parse(await readFile((await journalFile())!, 'utf8')) as Journal
    const recorded = async () => (await journalFile()) !== undefined && (await journal()).rollbacks.length > 0
    await waitFor('the journal to record the rollback', () => recorded().catch(() => false), 30_000)
    expect(exit.exitCode).not.toBe(0)
    expect((await journal()).rollbacks.map((run) => [run.activity.name, run.status])).toEqual([['uncordon-node', 'succeeded']])
    expect(await isCordoned()).toBe(false)
  })
})

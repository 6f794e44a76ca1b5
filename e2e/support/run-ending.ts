// One chaos test run, against a cluster that outlives it, ended one of the ways a real run ends; then what it left.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { countLeftovers, ROOT, runCli, waitUntil, type ClusterBaseline, type Leftovers, type OutlivingCluster } from './outliving-cluster.js'

export const FAULTS = ['drain', 'pod-kill', 'istio-delay', 'istio-abort'] as const
export const ENDINGS = ['pass', 'assertion', 'throw', 'timeout', 'sigint', 'sigterm', 'second-sigint', 'sigkill'] as const
export type SoakFault = (typeof FAULTS)[number] | 'drain+delay' | 'none'
export type Ending = (typeof ENDINGS)[number]

const SIGNAL_ENDINGS: Partial<Record<Ending, NodeJS.Signals[]>> = { sigint: ['SIGINT'], sigterm: ['SIGTERM'], 'second-sigint': ['SIGINT', 'SIGINT'], sigkill: ['SIGKILL'] }
// endings after which `vitest-chaos recover` runs: SIGKILL skips the rollbacks; a second SIGINT must not (checked)
const UNGRACEFUL: readonly Ending[] = ['second-sigint', 'sigkill']
// a person pressing Ctrl-C twice: the second press comes this long after the first
const DOUBLE_PRESS_MS = 100

export interface EndingResult {
  /** The inner vitest's exit code (undefined when killed by a signal). */
  exitCode: number | undefined
  output: string
  /** `vitest-chaos recover`'s exit code and output when it ran (after the ungraceful endings). */
  recover?: { exitCode: number | undefined; stdout: string }
  leftovers: Leftovers
}

const isGroupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Runs `e2e/fixtures/endings-project` with the vitest CLI in its own process group against `cluster`, with `fault`
 * live, ends it by `ending`, waits until every process of the group is gone, runs `vitest-chaos recover` after
 * the ungraceful endings (unless `recover: false`), and counts what was left.
 *
 * @example
 * const result = await runEnding(cluster, baseline, 'drain', 'sigint')
 */
export const runEnding = async (cluster: OutlivingCluster, baseline: ClusterBaseline, fault: SoakFault, ending: Ending, options: { recover?: boolean } = {}): Promise<EndingResult> => {
  const dir = await mkdtemp(join(tmpdir(), 'ending-'))
  try {
    const marker = join(dir, 'live')
    const inner = execa(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', join(ROOT, 'e2e', 'fixtures', 'endings-project')], {
      cwd: ROOT,
      detached: true,
      reject: false,
      all: true,
      env: { ...cluster.env, CHAOS_CLUSTER: 'existing', CHAOS_FIXTURE_JOURNALS: join(dir, 'journals'), CHAOS_FIXTURE_MARKER: marker, CHAOS_FIXTURE_FAULT: fault, CHAOS_FIXTURE_ENDING: ending, FORCE_COLOR: '0' },
    })
    const pgid = inner.pid!
    let exited = false
    void inner.finally(() => (exited = true))
    const signals = SIGNAL_ENDINGS[ending]
    if (signals) {
      try {
        await waitUntil('the inner test to have its fault live', () => existsSync(marker) || exited, 120_000)
      } finally {
        for (const [index, signal] of signals.entries()) {
          if (index > 0) await new Promise((resolve) => setTimeout(resolve, DOUBLE_PRESS_MS))
          if (isGroupAlive(pgid)) process.kill(-pgid, signal)
        }
      }
    }
    const result = await inner
    // the vitest main process may exit before its worker has finished rolling back: wait for the whole group
    await waitUntil('every process of the inner run to exit', () => !isGroupAlive(pgid), 90_000).catch(() => process.kill(-pgid, 'SIGKILL'))
    let recover: EndingResult['recover']
    if (UNGRACEFUL.includes(ending) && options.recover !== false) {
      const recovered = await runCli(['recover'], cluster.env)
      recover = { exitCode: recovered.exitCode, stdout: `${recovered.stdout}${recovered.stderr}` }
    }
    return { exitCode: result.exitCode, output: result.all ?? '', ...(recover ? { recover } : {}), leftovers: await countLeftovers(cluster.kc, baseline) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

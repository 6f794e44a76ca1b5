// What a user's SLO sees: p99 latency per load phase of a node drain under 10 connections, run inside
// toStaySteadyDuring in a real Vitest run (chaosTest, emulated cluster in its own thread, load in the test worker).
// `npx tsx bench/drain-slo.ts` (BENCH_RUNS tests, default 3).
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { startVitest } from 'vitest/node'
import type { ChaosTaskMeta } from '../src/session/chaos-run-record.js'
import { describeMachine, median } from './lib/machine.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const silent = () => new Writable({ write: (_chunk, _encoding, done) => done() })

console.log(describeMachine())
const journals = await mkdtemp(join(os.tmpdir(), 'bench-drain-'))
Object.assign(process.env, { CHAOS_CLUSTER: 'emulated', BENCH_RUNS: String(RUNS), BENCH_JOURNALS: journals })
const root = fileURLToPath(new URL('../e2e/fixtures/bench-drain/', import.meta.url))
const vitest = await startVitest('test', [], { root, config: false, include: ['*.fixture.ts'], watch: false, reporters: [], testTimeout: 120_000, hookTimeout: 120_000 }, {}, { stdout: silent() as NodeJS.WriteStream, stderr: silent() as NodeJS.WriteStream })
await vitest.close()
await rm(journals, { recursive: true, force: true })

const tests = vitest.state.getFiles()[0]?.tasks ?? []
const phases = ['baseline', 'fault', 'recovery'] as const
const p99s: Record<(typeof phases)[number], number[]> = { baseline: [], fault: [], recovery: [] }
const rates: Record<(typeof phases)[number], number[]> = { baseline: [], fault: [], recovery: [] }
const recoveries: number[] = []
for (const test of tests) {
  const run = (test.meta as { chaos?: ChaosTaskMeta }).chaos?.runs[0]
  if (test.result?.state !== 'pass' || !run?.load) throw new Error(`${test.name}: ${test.result?.state ?? 'not run'} ${test.result?.errors?.[0]?.message ?? ''}`)
  for (const phase of phases) {
    const figures = run.load.phases[phase]
    if (!figures) continue
    p99s[phase].push(figures.latencyMs.p99)
    rates[phase].push(figures.throughput)
  }
  if (typeof run.recoverySeconds === 'number') recoveries.push(run.recoverySeconds * 1000)
}
console.log(`node drain under autocannon load (10 connections, no rate cap) inside toStaySteadyDuring, ${tests.length} tests, median per phase:`)
for (const phase of phases) {
  console.log(`  ${phase.padEnd(9)} p99 ${median(p99s[phase]).toFixed(1).padStart(6)} ms [${p99s[phase].map((v) => v.toFixed(0)).join(', ')}]  ${median(rates[phase]).toFixed(0).padStart(5)} req/s`)
}
console.log(`  recovery measured by the matcher: ${median(recoveries).toFixed(0)} ms [${recoveries.map((v) => v.toFixed(0)).join(', ')}]`)
console.log('targets: baseline p99 ≤ 20 ms, fault p99 ≤ 50 ms')
console.log(describeMachine().replace('machine:', 'after the run:'))

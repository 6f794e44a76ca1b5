// `npx tsx bench/suite.ts [--runs N] [--skip-suite]`: the cost vitest-chaos's test harness adds to one experiment
// (chaosTest fixture + toStaySteadyDuring + journal) beyond the engine run itself, and the wall time of `npx vitest run chaos`.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { execa } from 'execa'
import { startVitest } from 'vitest/node'
import { defineExperiment, driverCatalog, runExperiment, startCluster } from '../src/index.js'
import { benchFault, benchHypothesis } from '../e2e/fixtures/bench-project/bench-experiment.js'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'skip-suite': { type: 'boolean', default: false } } })
const runs = Number(values.runs)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ms = (value: number) => `${value.toFixed(0)} ms`
const silent = () => new Writable({ write: (_chunk, _encoding, done) => done() })

console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`)

const clusterStart = performance.now()
const cluster = await startCluster({ provider: 'emulated' })
console.log(`emulated cluster with bookinfo ready in ${ms(performance.now() - clusterStart)}`)
Object.assign(process.env, cluster.env)
try {
  const experiment = defineExperiment({ title: 'bench', steadyState: benchHypothesis, fault: benchFault })
  const engine: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    const journal = await runExperiment(experiment, { mode: 'strict', catalog: driverCatalog, rollbackStrategy: 'always' })
    engine.push(performance.now() - started)
    if (journal.status !== 'completed' || journal.deviated) throw new Error(`bench experiment did not stay steady: ${journal.status}`)
  }

  const journals = await mkdtemp(join(os.tmpdir(), 'bench-journals-'))
  Object.assign(process.env, { CHAOS_CLUSTER: 'existing', BENCH_RUNS: String(runs), BENCH_JOURNALS: journals })
  const root = fileURLToPath(new URL('../e2e/fixtures/bench-project/', import.meta.url))
  const vitest = await startVitest('test', [], { root, config: false, include: ['*.fixture.ts'], watch: false, reporters: [] }, {}, { stdout: silent() as NodeJS.WriteStream, stderr: silent() as NodeJS.WriteStream })
  await vitest.close()
  await rm(journals, { recursive: true, force: true })
  const tests = vitest.state.getFiles()[0]?.tasks ?? []
  const failed = tests.filter((task) => task.result?.state !== 'pass')
  if (tests.length !== runs || failed.length > 0) throw new Error(`harness runs failed: ${failed.map((task) => task.name).join(', ') || 'no tests ran'}`)
  const harness = tests.map((task) => task.result!.duration!)
  // same test, same process: what the test took minus what the engine's run of it took (journal duration)
  const added = tests.map((task) => task.result!.duration! - (task.meta.chaos?.runs[0]?.journal.duration ?? Number.NaN) * 1000)
  console.log(`engine only (runExperiment in this process), median of ${runs}: ${ms(median(engine))} [${engine.map(ms).join(', ')}]`)
  console.log(`chaosTest + toStaySteadyDuring test duration, median of ${runs}: ${ms(median(harness))} [${harness.map(ms).join(', ')}]`)
  console.log(`harness cost per experiment (test duration − the engine run's journal duration), median: ${ms(median(added))} [${added.map(ms).join(', ')}]`)
  console.log('  (the first test also pays for the cluster fixture: connecting to the existing cluster and checking for Istio)')
} finally {
  await cluster.stop()
}

if (!values['skip-suite']) {
  const started = performance.now()
  const suite = await execa('npx', ['vitest', 'run', 'chaos'], { reject: false, all: true, env: { CHAOS_CLUSTER: 'emulated' } })
  // eslint-disable-next-line no-control-regex -- strip ANSI colours from Vitest output
  const summary = suite.all.replace(/\u001b\[\d+m/g, '').split('\n').filter((line) => /^\s*(Test Files|Tests)\s/.test(line)).join(' / ')
  console.log(`npx vitest run chaos: ${((performance.now() - started) / 1000).toFixed(1)} s wall, exit ${suite.exitCode}; ${summary.replace(/\s+/g, ' ').trim()}`)
}

// `npm run soak [-- --n N]`: every fault × every ending, N runs each (default 20), against `vitest-chaos cluster up`
// in its own process; counts leftover cordons, leftover VirtualService faults and wrong replica counts and prints the
// table. Not part of `npm test` (which runs e2e/endings.chaos.test.ts: one run of each ending).
import os from 'node:os'
import { parseArgs } from 'node:util'
import { readBaseline, runCli, startOutlivingCluster } from '../../e2e/support/outliving-cluster.js'
import { ENDINGS, FAULTS, runEnding } from '../../e2e/support/run-ending.js'

const { values } = parseArgs({ options: { n: { type: 'string', default: process.env.SOAK_N ?? '20' } } })
const runs = Number(values.n)
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`npm run soak: --n must be a whole number of runs >= 1, got '${values.n}'`)
  process.exit(2)
}

interface Cell {
  runs: number
  cordons: number
  virtualServiceFaults: number
  wrongReplicas: number
  /** Runs after which `recover` found something to undo (only the endings that skip rollbacks). */
  recovered: number
  /** `recover` exits other than 0. */
  recoverFailures: number
}

const load = () => os.loadavg().map((value) => value.toFixed(2)).join(' ')
const machine = `${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, Node ${process.version}`
const loadAtStart = load()
const started = performance.now()
const cells = new Map<string, Cell>()
const cluster = await startOutlivingCluster()
try {
  const baseline = await readBaseline(cluster.kc)
  for (let round = 1; round <= runs; round++) {
    for (const fault of FAULTS) {
      for (const ending of ENDINGS) {
        const result = await runEnding(cluster, baseline, fault, ending)
        const cell = cells.get(`${fault}|${ending}`) ?? { runs: 0, cordons: 0, virtualServiceFaults: 0, wrongReplicas: 0, recovered: 0, recoverFailures: 0 }
        cell.runs += 1
        cell.cordons += result.leftovers.cordons
        cell.virtualServiceFaults += result.leftovers.virtualServiceFaults
        cell.wrongReplicas += result.leftovers.wrongReplicas
        if (result.recover && /^recovered /m.test(result.recover.stdout)) cell.recovered += 1
        if (result.recover && result.recover.exitCode !== 0) cell.recoverFailures += 1
        cells.set(`${fault}|${ending}`, cell)
        const left = result.leftovers.cordons + result.leftovers.virtualServiceFaults + result.leftovers.wrongReplicas
        console.error(`round ${round}/${runs} ${fault} × ${ending}: exit ${String(result.exitCode)}, leftovers ${left}${result.recover ? `, recover exit ${String(result.recover.exitCode)}` : ''}`)
        // a leftover is counted once: undo what is recorded so the next run starts clean
        if (left > 0) await runCli(['recover', '--all'], cluster.env)
      }
    }
  }
} finally {
  await cluster.stop()
}

const rows = [...cells.entries()].map(([key, cell]) => {
  const [fault, ending] = key.split('|')
  const recover = ending === 'second-sigint' || ending === 'sigkill' ? `${cell.recovered} (${cell.recoverFailures} failed)` : '—'
  return `| ${fault} | ${ending} | ${cell.runs} | ${cell.cordons} | ${cell.virtualServiceFaults} | ${cell.wrongReplicas} | ${recover} |`
})
const total = [...cells.values()].reduce((sum, cell) => sum + cell.cordons + cell.virtualServiceFaults + cell.wrongReplicas, 0)
console.log(`soak: N=${runs} per cell, ${cells.size} cells, ${((performance.now() - started) / 60_000).toFixed(1)} min; machine: ${machine}; load average at start ${loadAtStart}, at end ${load()}`)
console.log('')
console.log('| fault | ending | runs | leftover cordons | leftover VirtualService faults | wrong replica counts | runs recover had work after |')
console.log('| --- | --- | --- | --- | --- | --- | --- |')
for (const row of rows) console.log(row)
console.log('')
console.log(`total leftovers: ${total}`)
process.exitCode = total === 0 ? 0 : 1

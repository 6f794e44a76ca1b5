// The Python bridge: how long the interpreter takes to start and answer, and what one call costs.
// 200 standard-library probes (os.path.exists) through the bridge alone and through runExperiment,
// against the same function timed inside Python, so the difference is the bridge's per-call overhead.
// `npx tsx bench/python-bridge.ts`; BENCH_CALLS and BENCH_STARTS change the sizes.
import { execFileSync } from 'node:child_process'
import { cpus, loadavg, platform, release } from 'node:os'
import type { Activity } from '../src/experiment/types.js'
import { findPython } from '../src/providers/python/find-python.js'
import { createPythonBridge } from '../src/providers/python/python-bridge.js'
import { runExperiment } from '../src/run/run-experiment.js'

const CALLS = Number(process.env.BENCH_CALLS ?? 200)
const STARTS = Number(process.env.BENCH_STARTS ?? 5)

const python = findPython(process.env)
if ('problem' in python) {
  console.log(`skipped: ${python.problem}`)
  process.exit(0)
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
const percentile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!
const ms = (value: number): string => `${value.toFixed(3)} ms`

const signal = new AbortController().signal
const request = { op: 'call' as const, module: 'os.path', func: 'exists', arguments: { path: '/' }, configuration: {}, secrets: {}, secret_scopes: null }

const startTimes = async (env: NodeJS.ProcessEnv): Promise<{ ready: number[]; firstAnswer: number[] }> => {
  const ready: number[] = []
  const firstAnswer: number[] = []
  for (let round = 0; round < STARTS; round++) {
    const bridge = createPythonBridge({ env, log: () => undefined })
    const started = performance.now()
    await bridge.call(request, { signal, what: 'bench' })
    firstAnswer.push(performance.now() - started)
    ready.push(bridge.ready!.startMs)
    await bridge.stop()
  }
  return { ready, firstAnswer }
}

const bridgeCalls = async (env: NodeJS.ProcessEnv): Promise<number[]> => {
  const bridge = createPythonBridge({ env, log: () => undefined })
  await bridge.call(request, { signal, what: 'warm-up' })
  const times: number[] = []
  for (let index = 0; index < CALLS; index++) {
    const started = performance.now()
    await bridge.call(request, { signal, what: 'bench' })
    times.push(performance.now() - started)
  }
  await bridge.stop()
  return times
}

const inPython = (executable: string): number => {
  const code = `import os.path, time\nn=${CALLS}\nt=time.perf_counter()\nfor _ in range(n): os.path.exists('/')\nprint((time.perf_counter()-t)*1000/n)`
  return Number(execFileSync(executable, ['-c', code], { encoding: 'utf8' }).trim())
}

const throughRun = async (env: NodeJS.ProcessEnv): Promise<number> => {
  const probe = (index: number): Activity => ({ type: 'probe', name: `exists-${index}`, provider: { type: 'python', module: 'os.path', func: 'exists', arguments: { path: '/' } } })
  const started = performance.now()
  const journal = await runExperiment({ title: 'bench', description: 'python probes', method: Array.from({ length: CALLS }, (_, index) => probe(index)) }, { env })
  const elapsed = performance.now() - started
  if (journal.run.some((run) => run.status !== 'succeeded')) throw new Error('a probe failed')
  return elapsed
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, ${platform()} ${release()}, Node ${process.version}, load average ${loadavg().map((v) => v.toFixed(2)).join(' / ')} (shared with other work)`)
const executable = execFileSync(python.path, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim()
const versions = execFileSync(executable, ['--version'], { encoding: 'utf8' }).trim()
console.log(`interpreter: ${python.path} (from ${python.from}) → ${executable}, ${versions}`)

const direct = { ...process.env, CHAOS_PYTHON: executable }
for (const [label, env] of [[`python3 as found (${python.path})`, process.env], [`CHAOS_PYTHON=${executable}`, direct]] as const) {
  const { ready, firstAnswer } = await startTimes(env)
  console.log(`bridge start, ${label}: ready in ${ms(median(ready))} median (min ${ms(Math.min(...ready))}), first answer ${ms(median(firstAnswer))} median, ${STARTS} starts`)
}

const times = await bridgeCalls(direct)
const pythonSide = inPython(executable)
console.log(`${CALLS} calls of os.path.exists through the bridge: median ${ms(median(times))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))}`)
console.log(`the function itself, timed in Python: ${ms(pythonSide)} per call → bridge overhead per call ≈ ${ms(median(times) - pythonSide)} median (goal ≤ 2 ms)`)
const run = await throughRun(direct)
console.log(`${CALLS} python probes through runExperiment (bridge start included): ${run.toFixed(0)} ms, ${ms(run / CALLS)} per activity`)
console.log(`load average after (1/5/15 min): ${loadavg().map((v) => v.toFixed(2)).join(' / ')}`)

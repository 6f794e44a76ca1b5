// CLI start-up and per-activity cost, measured as a user meets them: whole processes, process start included.
// `npx tsx bench/cli-startup.ts` (BENCH_RUNS to change the number of interleaved rounds, default 7).
// Compares `vitest-chaos --help`, a one-activity `run` and a 300-http-probe `run` with a bare Node script making the
// same 300 fetches, and with `chaos --no-version-check run` on the same files when a `chaos` executable is on PATH.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { lookupExecutable } from '../src/providers/resolve-executable.js'
import { describeMachine, formatRuns, median } from './lib/machine.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const PROBES = 300
const root = fileURLToPath(new URL('..', import.meta.url))
const bin = join(root, 'bin/vitest-chaos.js')

console.log(describeMachine())
console.log('building dist/ and the CLI bundle first (npm run build), so the CLI measured is this source tree')
await execa('npm', ['run', 'build'], { cwd: root })

const server = createServer((_request, response) => response.end('ok'))
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
const dir = await mkdtemp(join(tmpdir(), 'bench-cli-'))

const httpAction = (index: number) => ({ type: 'action', name: `get-${index}`, provider: { type: 'http', url, timeout: 3 } })
const experiment = (count: number) => ({ version: '1.0.0', title: `${count} http activities`, description: 'bench', method: Array.from({ length: count }, (_, index) => httpAction(index)) })
const oneActivity = join(dir, 'one-activity.json')
const manyProbes = join(dir, 'http-probes.json')
await writeFile(oneActivity, JSON.stringify(experiment(1)))
await writeFile(manyProbes, JSON.stringify(experiment(PROBES)))
const bareScript = join(dir, 'bare-fetches.mjs')
await writeFile(bareScript, `for (let i = 0; i < ${PROBES}; i++) await (await fetch(${JSON.stringify(url)})).text()\n`)

const chaos = lookupExecutable('chaos', process.env).found
type Contender = { name: string; command: string; args: string[] }
const contenders: Contender[] = [
  { name: "node -e 0 (Node's own start, the floor)", command: 'node', args: ['-e', '0'] },
  { name: 'vitest-chaos --help', command: 'node', args: [bin, '--help'] },
  { name: 'vitest-chaos run (1 activity)', command: 'node', args: [bin, 'run', oneActivity, '--journal-path', join(dir, 'j1.json')] },
  { name: `vitest-chaos run (${PROBES} http activities)`, command: 'node', args: [bin, 'run', manyProbes, '--journal-path', join(dir, 'j2.json')] },
  { name: `bare node script, ${PROBES} fetches`, command: 'node', args: [bareScript] },
  ...(chaos
    ? [
        { name: 'chaos run (1 activity)', command: chaos, args: ['--no-version-check', 'run', oneActivity, '--journal-path', join(dir, 'c1.json')] },
        { name: `chaos run (${PROBES} http activities)`, command: chaos, args: ['--no-version-check', 'run', manyProbes, '--journal-path', join(dir, 'c2.json')] },
      ]
    : []),
]

const times = new Map<string, number[]>(contenders.map(({ name }) => [name, []]))
try {
  for (const contender of contenders) await execa(contender.command, contender.args, { cwd: dir }) // warm the disk cache, discarded
  for (let round = 0; round < RUNS; round++) {
    for (const contender of contenders) {
      const started = performance.now()
      const result = await execa(contender.command, contender.args, { cwd: dir, reject: false })
      if (result.exitCode !== 0) throw new Error(`${contender.name} exited ${result.exitCode}: ${result.stderr}`)
      times.get(contender.name)!.push(performance.now() - started)
    }
  }
} finally {
  server.close()
  await rm(dir, { recursive: true, force: true })
}

console.log(`wall time per process (median of ${RUNS} interleaved rounds, process start included):`)
for (const [name, values] of times) console.log(`  ${name.padEnd(42)} ${formatRuns(values)}`)
const of = (name: string) => median(times.get(name)!)
const floor = of("node -e 0 (Node's own start, the floor)")
console.log(`above Node's own start: --help +${(of('vitest-chaos --help') - floor).toFixed(0)} ms, 1-activity run +${(of('vitest-chaos run (1 activity)') - floor).toFixed(0)} ms`)
console.log(`ratio: ${PROBES} http activities with vitest-chaos run / bare node script: ${(of(`vitest-chaos run (${PROBES} http activities)`) / of(`bare node script, ${PROBES} fetches`)).toFixed(2)}×`)
if (chaos) {
  console.log(`ratio vs chaos run: 1 activity ${(of('vitest-chaos run (1 activity)') / of('chaos run (1 activity)')).toFixed(2)}×, ${PROBES} activities ${(of(`vitest-chaos run (${PROBES} http activities)`) / of(`chaos run (${PROBES} http activities)`)).toFixed(2)}×`)
} else {
  console.log('chaos (Chaos Toolkit) is not on PATH: its side of the comparison was skipped')
}
console.log(describeMachine().replace('machine:', 'after the run:'))

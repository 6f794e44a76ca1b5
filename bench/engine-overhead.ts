// How much the run loop costs per activity: several hundred http probes through runExperiment,
// against the same requests sent directly (fetch, and node:http as the provider uses), to a server
// in a child process so client and server do not share an event loop.
import { request } from 'node:http'
import { cpus, platform, release } from 'node:os'
import { execa } from 'execa'
import type { Activity } from '../src/experiment/types.js'
import { runExperiment } from '../src/run/run-experiment.js'

const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 500)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)

const SERVER = `require('node:http').createServer((q, s) => s.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'))
  .listen(0, '127.0.0.1', function () { console.log(this.address().port) })`

const startServer = async () => {
  const child = execa('node', ['-e', SERVER], { stdout: 'pipe', buffer: false, reject: false })
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim())))
    child.once('error', reject)
  })
  return { url: `http://127.0.0.1:${port}/health`, stop: () => child.kill() }
}

const nodeGet = (url: string) =>
  new Promise<void>((resolve, reject) => {
    request(url, (response) => {
      response.resume()
      response.on('end', resolve)
    }).on('error', reject).end()
  })

const time = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now()
  await work()
  return performance.now() - started
}

/** Best time of each contender over interleaved rounds, so a noisy neighbour hurts them all alike. */
const bestOf = async (contenders: (() => Promise<unknown>)[]): Promise<number[]> => {
  const best = contenders.map(() => Infinity)
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, work] of contenders.entries()) best[index] = Math.min(best[index]!, await time(work))
  }
  return best
}

const main = async () => {
  const server = await startServer()
  try {
    const probes: Activity[] = Array.from({ length: ACTIVITIES }, (_, index) => ({ type: 'probe', name: `probe-${index}`, provider: { type: 'http', url: server.url, timeout: 5 } }))
    const experiment = { title: 'engine overhead', description: 'bench', method: probes }
    const sequential = (send: (url: string) => Promise<unknown>) => async () => {
      for (let index = 0; index < ACTIVITIES; index++) await send(server.url)
    }
    const engine = async () => {
      const journal = await runExperiment(experiment)
      if (journal.run.some((run) => run.status !== 'succeeded')) throw new Error('a probe failed; the figures would be meaningless')
    }
    const [engineMs, fetchMs, nodeMs] = (await bestOf([engine, sequential(async (url) => (await fetch(url)).json()), sequential(nodeGet)])) as [number, number, number]
    const perActivity = (ms: number) => (ms / ACTIVITIES).toFixed(3)
    console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, ${platform()} ${release()}, Node ${process.version}`)
    console.log(`${ACTIVITIES} sequential http probes, best of ${ROUNDS} interleaved rounds, server in a child process`)
    console.log(`runExperiment:   ${engineMs.toFixed(0)} ms  (${((ACTIVITIES * 1000) / engineMs).toFixed(0)} activities/s, ${perActivity(engineMs)} ms each)`)
    console.log(`raw fetch:       ${fetchMs.toFixed(0)} ms  (${perActivity(fetchMs)} ms per request)`)
    console.log(`raw node:http:   ${nodeMs.toFixed(0)} ms  (${perActivity(nodeMs)} ms per request)`)
    console.log(`engine overhead: ${perActivity(engineMs - fetchMs)} ms per activity vs fetch, ${perActivity(engineMs - nodeMs)} ms vs node:http`)
  } finally {
    server.stop()
  }
}

await main()

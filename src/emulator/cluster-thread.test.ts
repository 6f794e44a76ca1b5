import { spawnSync } from 'node:child_process'
import { connect } from 'node:net'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EmulatedCluster } from './emulated-cluster.js'
import { startEmulatedCluster } from './start-emulated-cluster.js'

const refuses = (url: string) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(url).port) })
    socket.once('connect', () => (socket.destroy(), resolve(false)))
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
  })

// A child process that fetches a URL; run with spawnSync it blocks this thread's event loop until it ends.
const FETCH = `const r = await fetch(process.argv[1], { signal: AbortSignal.timeout(20000) }); console.log(r.status)`

let cluster: EmulatedCluster
beforeAll(async () => {
  cluster = await startEmulatedCluster({ bookinfo: true })
})
afterAll(async () => {
  await cluster?.stop()
})

describe('the emulated cluster in its own thread', () => {
  it('answers while the caller\'s event loop is blocked: the API server and bookinfo run in another thread', () => {
    const api = spawnSync('node', ['--input-type=module', '-e', FETCH, `${cluster.apiUrl}/healthz`], { encoding: 'utf8', timeout: 30_000 })
    const page = spawnSync('node', ['--input-type=module', '-e', FETCH, `${cluster.productPageUrl}/productpage`], { encoding: 'utf8', timeout: 30_000 })
    expect([api.stdout.trim(), page.stdout.trim()]).toEqual(['200', '200'])
  })

  it('keeps a cluster whose options hold functions in the calling thread, with the same handle', async () => {
    const program = () => Promise.resolve({ ports: {}, stop: () => Promise.resolve() })
    await using local = await startEmulatedCluster({ bookinfo: false, programs: new Map([['idle', program]]) })
    expect(Object.keys(local).sort()).toEqual(['apiUrl', 'kubeconfig', 'kubeconfigPath', 'stop', 'token'])
    expect(Object.keys(cluster).sort()).toEqual(['apiUrl', 'kubeconfig', 'kubeconfigPath', 'productPageUrl', 'stop', 'token'])
  })

  it('rejects with the thread\'s error when the cluster cannot start', async () => {
    const taken = Number(new URL(cluster.apiUrl).port)
    await expect(startEmulatedCluster({ bookinfo: false, port: taken })).rejects.toThrow(/EADDRINUSE/)
  })

  it('leaves nothing listening when the parent process is killed with SIGTERM', async () => {
    const entry = new URL('./index.ts', import.meta.url).pathname
    const script = `const { startEmulatedCluster } = await import(${JSON.stringify(entry)}); const c = await startEmulatedCluster({ bookinfo: true }); console.log(JSON.stringify([c.apiUrl, c.productPageUrl]))`
    const child = execa('node', ['--import', 'tsx', '--input-type=module', '-e', script], { reject: false, timeout: 60_000 })
    const urls = await new Promise<string[]>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(JSON.parse(String(chunk)) as string[])))
    child.kill('SIGTERM')
    const ended = await child
    expect(ended.signal).toBe('SIGTERM')
    expect(await Promise.all(urls.map(refuses))).toEqual([true, true])
  }, 90_000)
})

// `vitest-chaos cluster up` as a real child process: what it prints works, and SIGTERM leaves nothing behind.
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { execa, type ResultPromise } from 'execa'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startCluster } from '../../clusters/start-cluster.js'
import { isPortOpen } from '../../testing/is-port-open.js'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const DEV_MAIN = join(ROOT, 'src', 'cli', 'dev-main.ts')

const spawnCli = (args: string[]) =>
  execa(process.execPath, ['--import', 'tsx', DEV_MAIN, ...args], { cwd: ROOT, reject: false, all: false, env: { FORCE_COLOR: '0' } })

/** Resolves with stdout once the child printed every named env line. */
const readEnvLines = (child: ResultPromise, names = ['KUBECONFIG', 'PRODUCT_PAGE_SERVICE_BASE_URL']) =>
  new Promise<string>((resolve, reject) => {
    let stdout = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (names.every((name) => stdout.includes(`export ${name}=`)) && stdout.endsWith('\n')) resolve(stdout)
    })
    void child.then((result) => reject(new Error(`cluster up exited (${String(result.exitCode)}) before printing its env: ${String(result.stderr)}`)))
  })

describe('vitest-chaos cluster up (child process)', () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  it('prints export-able env lines that work with client-node, and stops cleanly on SIGTERM', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'cluster-up-'))
    dirs.push(stateDir)
    const child = spawnCli(['cluster', 'up', '--state-dir', stateDir])
    const stdout = await readEnvLines(child)
    const env = Object.fromEntries([...stdout.matchAll(/^export (\w+)=(\S+)$/gm)].map((match) => [match[1]!, match[2]!]))
    expect(Object.keys(env).sort()).toEqual(['KUBECONFIG', 'PRODUCT_PAGE_SERVICE_BASE_URL'])
    expect(env.KUBECONFIG).toBe(join(stateDir, 'kubeconfig'))

    const kc = new KubeConfig()
    kc.loadFromFile(env.KUBECONFIG!)
    const nodes = await kc.makeApiClient(CoreV1Api).listNode()
    expect(nodes.items.length).toBeGreaterThanOrEqual(1)
    const page = await fetch(`${env.PRODUCT_PAGE_SERVICE_BASE_URL}/productpage`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Simple Bookstore App')

    // a second terminal's tests reach it through the existing provider: context `emulated` is allowed by default
    await using existing = await startCluster({ provider: 'existing', env: { KUBECONFIG: env.KUBECONFIG!, PRODUCT_PAGE_SERVICE_BASE_URL: env.PRODUCT_PAGE_SERVICE_BASE_URL! } })
    expect(existing).toMatchObject({ context: 'emulated', istio: true, urls: { productPage: env.PRODUCT_PAGE_SERVICE_BASE_URL } })

    const state = JSON.parse(await readFile(join(stateDir, 'cluster.json'), 'utf8')) as { pid: number; provider: string; env: Record<string, string> }
    expect(state).toMatchObject({ provider: 'emulated', pid: child.pid, env })
    expect(await readFile(join(stateDir, 'env'), 'utf8')).toBe(stdout)

    const api = kc.getCurrentCluster()!.server
    child.kill('SIGTERM')
    const result = await child
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toContain('stopping the emulated cluster')
    expect(await isPortOpen(api)).toBe(false)
    expect(await isPortOpen(env.PRODUCT_PAGE_SERVICE_BASE_URL!)).toBe(false)
    expect(existsSync(join(stateDir, 'cluster.json'))).toBe(false)
  }, 120_000)

  it('cluster down signals the recorded process, which stops and cleans up', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'cluster-down-'))
    dirs.push(stateDir)
    const up = spawnCli(['cluster', 'up', '--state-dir', stateDir, '--no-bookinfo'])
    // without bookinfo there is no product page, so only KUBECONFIG is printed
    expect(await readEnvLines(up, ['KUBECONFIG'])).toBe(`export KUBECONFIG=${join(stateDir, 'kubeconfig')}\n`)
    const kubeconfig = await readFile(join(stateDir, 'kubeconfig'), 'utf8')
    const kc = new KubeConfig()
    kc.loadFromString(kubeconfig)
    const api = kc.getCurrentCluster()!.server
    expect(await isPortOpen(api)).toBe(true)

    const down = await spawnCli(['cluster', 'down', '--state-dir', stateDir])
    expect(down.stderr).toContain(`emulated cluster stopped (process ${up.pid})`)
    expect(down.exitCode).toBe(0)
    expect((await up).exitCode).toBe(0)
    expect(await isPortOpen(api)).toBe(false)
    expect(existsSync(join(stateDir, 'cluster.json'))).toBe(false)
  }, 120_000)

  it('SIGTERM while starting: the cluster is stopped once up, nothing is recorded, exit code 130', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'cluster-int-'))
    dirs.push(stateDir)
    const child = spawnCli(['cluster', 'up', '--state-dir', stateDir, '--no-bookinfo'])
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('starting the emulated cluster')) resolve()
      })
    })
    child.kill('SIGTERM')
    const result = await child
    expect(result.exitCode).toBe(130)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('interrupted while starting; stopping the emulated cluster')
    expect(existsSync(join(stateDir, 'cluster.json'))).toBe(false)
  }, 120_000)
})

// `cluster up --program --manifest` as a real child process: the user's processes run as pods, and die with it, even on SIGKILL.
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { execa } from 'execa'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { until } from '../../emulator/kubelet/testing/until.js'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const DEV_MAIN = join(ROOT, 'src', 'cli', 'dev-main.ts')

// listens on PORT, starts a grandchild in its process group, and records both pids under pids/<pod name>
const SERVER = `
const { spawn } = require('node:child_process')
const { writeFileSync } = require('node:fs')
const sleeper = spawn('sleep', ['300'], { stdio: 'ignore' })
writeFileSync(require('node:path').join(__dirname, 'pids', process.env.HOSTNAME), process.pid + ' ' + sleeper.pid)
require('node:http').createServer((q, s) => s.end('web ' + process.env.HOSTNAME)).listen(Number(process.env.PORT), '127.0.0.1')
console.log('web up on ' + process.env.PORT)
`

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: web
        image: ghcr.io/example/web:1.0
        ports: [{ containerPort: 8080 }]
        readinessProbe: { httpGet: { path: /, port: 8080 }, periodSeconds: 1 }
`

/** Running, and not a zombie waiting for whatever adopted it to reap it. */
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, { encoding: 'utf8', flag: 'r' }).toString())
}

describe('vitest-chaos cluster up --program --manifest (child process)', () => {
  let dir: string
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('runs the mapped image as processes, and SIGKILL of the cluster process leaves none of them behind', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cluster-programs-'))
    await writeFile(join(dir, 'server.js'), SERVER)
    await writeFile(join(dir, 'web.yaml'), MANIFEST)
    await mkdir(join(dir, 'pids'))
    const child = execa(process.execPath, ['--import', 'tsx', DEV_MAIN, 'cluster', 'up', '--no-bookinfo', '--state-dir', join(dir, 'state'), '--program', `web=node ${join(dir, 'server.js')}`, '--manifest', join(dir, 'web.yaml')], {
      cwd: ROOT, reject: false, env: { FORCE_COLOR: '0' },
    })
    const kubeconfig = await new Promise<string>((resolve, reject) => {
      let stdout = ''
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const match = /^export KUBECONFIG=(\S+)$/m.exec(stdout)
        if (match) resolve(match[1]!)
      })
      void child.then((result) => reject(new Error(`cluster up exited (${String(result.exitCode)}): ${String(result.stderr)}`)))
    })
    // cluster up prints its env only once the manifests' replicas are Ready
    const kc = new KubeConfig()
    kc.loadFromFile(kubeconfig)
    const pods = (await kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'default', labelSelector: 'app=web' })).items
    expect(pods.filter((pod) => pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))).toHaveLength(2)
    const files = await until('both pods recorded their pids', async () => ((await readdir(join(dir, 'pids'))).length === 2 ? readdir(join(dir, 'pids')) : undefined))
    const pids = (await Promise.all(files.map((file) => readFile(join(dir, 'pids', file), 'utf8')))).flatMap((text) => text.trim().split(' ').map(Number))
    expect(pids).toHaveLength(4)
    expect(pids.every(isAlive)).toBe(true)

    child.kill('SIGKILL')
    await child
    await until('every process of every pod gone', () => pids.every((pid) => !isAlive(pid)), 10_000)
  }, 120_000)
})

import { AppsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig, type V1Container, type V1Pod } from '@kubernetes/client-node'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulatedCluster } from '../start-emulated-cluster.js'
import type { EmulatedCluster } from '../emulated-cluster.js'
import { until } from './testing/until.js'
import { isProcessAlive } from '../../testing/is-process-alive.js'

// each image is `node -e <source>`: a real process, started by the kubelet as it would start a container
const serve = `require('node:http').createServer((q, s) => s.end('process ' + process.env.HOSTNAME)).listen(Number(process.env.PORT), '127.0.0.1')`
const SOURCES = {
  // prints what it sees, then calls echo through its Service env vars and through HTTP_PROXY
  inspector: `${serve}
const http = require('node:http')
const env = process.env
console.log('ENV ' + JSON.stringify(env))
const report = (what) => (r) => { let b = ''; r.on('data', (c) => (b += c)); r.on('end', () => console.log(what + ' ' + r.statusCode + ' ' + b.trim())) }
http.get('http://' + env.ECHO_SERVICE_HOST + ':' + env.ECHO_SERVICE_PORT + '/via-env', report('VIA-ENV'))
const proxy = new URL(env.HTTP_PROXY)
http.get({ host: proxy.hostname, port: proxy.port, path: 'http://echo.default:80/via-proxy', headers: { host: 'echo.default:80' } }, report('VIA-PROXY'))`,
  stubborn: `${serve}
process.on('SIGTERM', () => require('node:fs').writeFileSync(process.env.SIGTERM_MARKER, 'got SIGTERM, ignoring it'))
console.log('stubborn up')`,
  crasher: `console.log('starting'); console.error('fatal: cannot reach the database'); process.exit(3)`,
}

let cluster: EmulatedCluster
let core: CoreV1Api
let apps: AppsV1Api
let custom: CustomObjectsApi

const nodeCommand = (source: string) => ({ command: [process.execPath, '-e', source] })

beforeAll(async () => {
  cluster = await startEmulatedCluster({
    bookinfo: false,
    processPrograms: {
      inspector: nodeCommand(SOURCES.inspector),
      stubborn: nodeCommand(SOURCES.stubborn),
      crasher: nodeCommand(SOURCES.crasher),
      missing: { command: ['vitest-chaos-no-such-binary', '--serve'] },
    },
  })
  const kc = new KubeConfig()
  kc.loadFromString(cluster.kubeconfig)
  core = kc.makeApiClient(CoreV1Api)
  apps = kc.makeApiClient(AppsV1Api)
  custom = kc.makeApiClient(CustomObjectsApi)
  await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'settings' }, data: { GREETING: 'hello', COLOR: 'blue' } } })
  await core.createNamespacedSecret({ namespace: 'default', body: { metadata: { name: 'credentials' }, stringData: { TOKEN: 's3cret' } } })
  await apps.createNamespacedDeployment({
    namespace: 'default',
    body: { metadata: { name: 'echo' }, spec: { selector: { matchLabels: { app: 'echo' } }, template: { metadata: { labels: { app: 'echo' } }, spec: { containers: [{ name: 'echo', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } } } },
  })
  await core.createNamespacedService({ namespace: 'default', body: { metadata: { name: 'echo' }, spec: { selector: { app: 'echo' }, ports: [{ name: 'http', port: 80, targetPort: 80 }] } } })
  await until('echo ready', async () => (await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=echo' })).items.some(isReady))
})

afterAll(async () => {
  await cluster?.stop()
})

const isReady = (pod: V1Pod) => pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
const readPod = (name: string) => core.readNamespacedPod({ name, namespace: 'default' })
const logsOf = (name: string, previous = false) => core.readNamespacedPodLog({ name, namespace: 'default', previous }).catch(() => '')
const startPod = async (name: string, image: string, extra: Partial<V1Container> = {}, grace?: number) =>
  core.createNamespacedPod({
    namespace: 'default',
    body: { metadata: { name, labels: { app: name } }, spec: { ...(grace !== undefined ? { terminationGracePeriodSeconds: grace } : {}), containers: [{ name: 'main', image: `registry.example.com/team/${image}:1.0`, ...extra }] } },
  })
describe('a program that is a process', () => {
  it('sees the pod env, envFrom, HOSTNAME, its ports, the Service env vars and the proxy, and reaches Services through the mesh', async () => {
    await startPod('inspector', 'inspector', {
      ports: [{ containerPort: 8080 }, { containerPort: 9090 }],
      env: [{ name: 'MODE', value: 'test' }, { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'COLOR', value: 'red' }],
      envFrom: [{ configMapRef: { name: 'settings' } }, { secretRef: { name: 'credentials' }, prefix: 'DB_' }],
      readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 1 },
    })
    const logs = await until('the calls reported', async () => ((await logsOf('inspector')).includes('VIA-PROXY') && (await logsOf('inspector')).includes('VIA-ENV') ? logsOf('inspector') : undefined))
    const env = JSON.parse(/^ENV (.*)$/m.exec(logs)![1]!) as Record<string, string>
    expect(env).toMatchObject({ MODE: 'test', POD_NAME: 'inspector', HOSTNAME: 'inspector', GREETING: 'hello', COLOR: 'red', DB_TOKEN: 's3cret', ECHO_SERVICE_HOST: '127.0.0.1', NO_PROXY: '127.0.0.1,localhost' })
    expect(env.PORT).toBe(env.PORT_8080)
    expect(Number(env.PORT_9090)).toBeGreaterThan(0)
    expect(env.ECHO_PORT_80_TCP).toBe(`tcp://127.0.0.1:${env.ECHO_SERVICE_PORT}`)
    expect(env.ECHO_SERVICE_PORT_HTTP).toBe(env.ECHO_SERVICE_PORT)
    expect(env.HTTP_PROXY).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(env.KUBECONFIG).toBeUndefined()
    expect(logs).toMatch(/^VIA-ENV 200 echo-/m)
    expect(logs).toMatch(/^VIA-PROXY 200 echo-/m)
    await until('inspector ready through its readiness probe', async () => isReady(await readPod('inspector')))
  })

  it('gets VirtualService faults on its outbound calls', async () => {
    await custom.createNamespacedCustomObject({
      group: 'networking.istio.io', version: 'v1beta1', namespace: 'default', plural: 'virtualservices',
      body: { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'echo' }, spec: { hosts: ['echo'], http: [{ fault: { abort: { httpStatus: 418, percentage: { value: 100 } } }, route: [{ destination: { host: 'echo' } }] }] } },
    })
    try {
      await startPod('faulted', 'inspector', { ports: [{ containerPort: 8080 }] })
      const logs = await until('the calls reported', async () => ((await logsOf('faulted')).match(/^VIA-/gm)?.length === 2 ? logsOf('faulted') : undefined))
      expect(logs).toMatch(/^VIA-ENV 418 fault filter abort/m)
      expect(logs).toMatch(/^VIA-PROXY 418 fault filter abort/m)
    } finally {
      await custom.deleteNamespacedCustomObject({ group: 'networking.istio.io', version: 'v1beta1', namespace: 'default', plural: 'virtualservices', name: 'echo' })
    }
  })

  it('gets SIGTERM on deletion, then SIGKILL when the grace period ends', async () => {
    const marker = join(await mkdtemp(join(tmpdir(), 'stubborn-')), 'sigterm')
    await startPod('stubborn', 'stubborn', { ports: [{ containerPort: 8080 }], env: [{ name: 'SIGTERM_MARKER', value: marker }] }, 1)
    await until('stubborn up', async () => (await logsOf('stubborn')).includes('stubborn up'))
    const pid = Number((await until('its pid', () => pidOf('stubborn'))))
    await core.deleteNamespacedPod({ name: 'stubborn', namespace: 'default' })
    await until('the pod gone', async () => !(await readPod('stubborn').catch(() => undefined)))
    expect(await readFile(marker, 'utf8')).toBe('got SIGTERM, ignoring it')
    expect(isProcessAlive(pid)).toBe(false)
    await rm(dirname(marker), { recursive: true, force: true })
  })

  it('restarts a crashing process with back-off, keeps its last lines for --previous, and names the exit code', async () => {
    await startPod('crasher', 'crasher')
    const pod = await until('CrashLoopBackOff', async () => {
      const current = await readPod('crasher')
      return current.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff' && current
    })
    const status = pod.status!.containerStatuses![0]!
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' })
    expect(status.restartCount).toBeGreaterThanOrEqual(1)
    expect(await logsOf('crasher', true)).toContain('fatal: cannot reach the database')
  })

  it('reports a command that cannot start as StartError with the real reason, in events and status', async () => {
    await startPod('missing', 'missing')
    const pod = await until('a StartError', async () => {
      const current = await readPod('missing')
      const status = current.status?.containerStatuses?.[0]
      return (status?.lastState?.terminated ?? status?.state?.terminated)?.reason === 'StartError' && current
    })
    const status = pod.status!.containerStatuses![0]!
    const terminated = status.lastState?.terminated ?? status.state?.terminated
    expect(terminated).toMatchObject({ exitCode: 128, message: expect.stringContaining('exec: "vitest-chaos-no-such-binary": executable file not found in $PATH') })
    const events = (await core.listNamespacedEvent({ namespace: 'default', fieldSelector: 'involvedObject.name=missing' })).items
    expect(events.some((event) => event.reason === 'Failed' && event.type === 'Warning' && event.message?.includes('vitest-chaos-no-such-binary'))).toBe(true)
  })
})

/** The pid of the process serving a pod: the one whose environment names it, found through /proc. */
const pidOf = async (podName: string): Promise<number | undefined> => {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const environ = await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '')
    if (environ.split('\0').includes(`HOSTNAME=${podName}`) && environ.includes('HTTP_PROXY=')) return Number(entry)
  }
  return undefined
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCluster } from './start-cluster.js'

const deployment = (name: string, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: default }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
      - { name: ${name}, image: ${image}, ports: [{ containerPort: 8080 }] }
`

describe('startCluster({ programs, manifests })', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'user-manifests-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('fails naming the pod, its exit code and its last log lines when a program crashes on start', async () => {
    await writeFile(join(dir, 'crasher.yaml'), deployment('checkout', 'ghcr.io/acme/checkout:2.1'))
    const crash = `console.log('connecting to postgres'); console.error('Error: connect ECONNREFUSED 127.0.0.1:5432'); process.exit(2)`
    const started = startCluster({ bookinfo: false, programs: { checkout: { command: [process.execPath, '-e', crash] } }, manifests: [join(dir, 'crasher.yaml')] })
    const error = (await started.then(() => undefined, (failure: unknown) => failure)) as Error
    expect(error.message).toMatch(/^emulated cluster: pod default\/checkout-[a-z0-9]+-[a-z0-9]+ container checkout: CrashLoopBackOff, exit code 2 \(Error\), restarted 1 time\(s\); last log lines \(kubectl logs --previous\):\n/)
    expect(error.message).toContain('    Error: connect ECONNREFUSED 127.0.0.1:5432')
  })

  it('says which image the default web server stands in for, and serves it', async () => {
    await writeFile(join(dir, 'unmapped.yaml'), deployment('legacy', 'quay.io/acme/legacy-billing:7'))
    const lines: string[] = []
    await using cluster = await startCluster({ bookinfo: false, manifests: [join(dir, 'unmapped.yaml')], log: (line) => lines.push(line) })
    expect(cluster.provider).toBe('emulated')
    expect(lines).toContain("image quay.io/acme/legacy-billing:7 has no program: the default web server (200 on every path) stands in for it; map it with programs: { 'legacy-billing': { command: [...] } }")
  })

  it('starts the tests only once a second version of a Deployment has rolled out: no pod of the first is left', async () => {
    const readyLate = (version: string) => `${deployment('shop', version)}  replicas: 2
`.replace('ports: [{ containerPort: 8080 }] }', 'ports: [{ containerPort: 8080 }], readinessProbe: { httpGet: { path: /, port: 8080 }, periodSeconds: 1 } }')
    await writeFile(join(dir, 'shop-v1.yaml'), readyLate('shop:1.0'))
    await writeFile(join(dir, 'shop-v2.yaml'), readyLate('shop-with-fallback:1.0'))
    // a service that takes a second to listen, so the rollout spends a while with old pods available and new ones not
    const listenLate = `setTimeout(() => require('node:http').createServer((_, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1'), 1000)`
    const programs = { shop: { command: [process.execPath, '-e', listenLate] }, 'shop-with-fallback': { command: [process.execPath, '-e', listenLate] } }
    await using cluster = await startCluster({ bookinfo: false, programs, manifests: [join(dir, 'shop-v1.yaml'), join(dir, 'shop-v2.yaml')] })
    const kc = new KubeConfig()
    kc.loadFromString(cluster.kubeconfig)
    const pods = (await kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'default', labelSelector: 'app=shop' })).items
    const live = pods.filter((pod) => !pod.metadata?.deletionTimestamp)
    expect(live.map((pod) => pod.spec?.containers[0]?.image)).toEqual(['shop-with-fallback:1.0', 'shop-with-fallback:1.0'])
  })

  it('reports a manifest that cannot be read before starting anything else', async () => {
    const started = startCluster({ bookinfo: false, manifests: [join(dir, 'missing.yaml')] })
    await expect(started).rejects.toThrow(/^emulated cluster: cannot read the manifests .*missing\.yaml: ENOENT/)
  })
})

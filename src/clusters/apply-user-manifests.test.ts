import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

  it('reports a manifest that cannot be read before starting anything else', async () => {
    const started = startCluster({ bookinfo: false, manifests: [join(dir, 'missing.yaml')] })
    await expect(started).rejects.toThrow(/^emulated cluster: cannot read the manifests .*missing\.yaml: ENOENT/)
  })
})

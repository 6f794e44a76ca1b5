/* eslint-disable @typescript-eslint/no-explicit-any -- kubectl -o json output is read field by field */
// Real kubectl 1.32 against the emulated cluster: its typed commands send Kubernetes protobuf bodies.
import { execa } from 'execa'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EmulatedCluster } from '../emulated-cluster.js'
import { startEmulatedCluster } from '../start-emulated-cluster.js'

const hasKubectl = await execa('kubectl', ['version', '--client'], { reject: false }).then((result) => result.exitCode === 0, () => false)
if (!hasKubectl) console.warn('protobuf kubectl tests skipped: kubectl is not on PATH')

let cluster: EmulatedCluster
let home: string

/** kubectl against the emulated cluster only: its own KUBECONFIG and HOME. */
const kubectl = async (...args: string[]) => {
  const result = await execa('kubectl', args, { env: { KUBECONFIG: cluster.kubeconfigPath, HOME: home, PATH: process.env.PATH ?? '' }, extendEnv: false, reject: false, timeout: 90_000 })
  return { code: result.exitCode, out: result.stdout, err: result.stderr }
}
const getJson = async (...args: string[]) => JSON.parse((await kubectl('get', ...args, '-o', 'json')).out) as Record<string, any>

describe.skipIf(!hasKubectl)('kubectl 1.32 typed commands send protobuf to the emulated cluster (skipped when kubectl is absent from PATH)', () => {
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'vitest-chaos-kubectl-protobuf-'))
    cluster = await startEmulatedCluster({ bookinfo: false })
  })

  afterAll(async () => {
    await cluster?.stop()
    await rm(home, { recursive: true, force: true })
  })

  it('create deployment sends a protobuf body and the Deployment is stored as sent', async () => {
    const created = await kubectl('create', 'deployment', 'web', '--image=nginx', '--replicas=6', '-v=8')
    expect(created.code).toBe(0)
    expect(created.out).toBe('deployment.apps/web created')
    expect(created.err).toContain('Content-Type: application/vnd.kubernetes.protobuf')
    const deployment = await getJson('deployment', 'web')
    expect(deployment.spec).toMatchObject({ replicas: 6, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } })
    expect((await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s')).code).toBe(0)
  }, 120_000)

  it('create namespace, configmap, secret, service clusterip and pdb', async () => {
    expect(await kubectl('create', 'namespace', 'team-a')).toMatchObject({ code: 0, out: 'namespace/team-a created' })
    expect(await kubectl('create', 'configmap', 'settings', '--from-literal=mode=chaos')).toMatchObject({ code: 0, out: 'configmap/settings created' })
    expect(await kubectl('create', 'secret', 'generic', 'creds', '--from-literal=token=abc')).toMatchObject({ code: 0, out: 'secret/creds created' })
    expect(await kubectl('create', 'service', 'clusterip', 'web', '--tcp=80:8080')).toMatchObject({ code: 0, out: 'service/web created' })
    expect(await kubectl('create', 'pdb', 'web-pdb', '--selector=app=web', '--min-available=2')).toMatchObject({ code: 0, out: 'poddisruptionbudget.policy/web-pdb created' })
    expect((await getJson('namespace', 'team-a')).status).toEqual({ phase: 'Active' })
    expect((await getJson('configmap', 'settings')).data).toEqual({ mode: 'chaos' })
    expect((await getJson('secret', 'creds')).data).toEqual({ token: Buffer.from('abc').toString('base64') })
    expect((await getJson('service', 'web')).spec.ports).toEqual([{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }])
    expect((await getJson('pdb', 'web-pdb')).spec).toEqual({ minAvailable: 2, selector: { matchLabels: { app: 'web' } } })
  }, 120_000)

  it('scale, then drain a worker through evictions under the PDB, then uncordon it', async () => {
    expect(await kubectl('scale', 'deployment', 'web', '--replicas=4')).toMatchObject({ code: 0, out: 'deployment.apps/web scaled' })
    expect((await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s')).code).toBe(0)
    const node = 'chaos-worker'
    const drained = await kubectl('drain', node, '--ignore-daemonsets', '--delete-emptydir-data', '--timeout=60s')
    expect(drained.code).toBe(0)
    expect(drained.out).toContain(`node/${node} drained`)
    expect((await getJson('node', node)).spec.unschedulable).toBe(true)
    const pods = await getJson('pods', '-l', 'app=web', '--field-selector', `spec.nodeName=${node}`)
    expect(pods.items).toEqual([])
    expect((await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s')).code).toBe(0)
    expect(await kubectl('uncordon', node)).toMatchObject({ code: 0, out: `node/${node} uncordoned` })
    expect((await getJson('node', node)).spec.unschedulable).toBeUndefined()
  }, 240_000)
})

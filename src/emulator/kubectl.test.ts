import { execa } from 'execa'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EmulatedCluster } from './emulated-cluster.js'
import { startEmulatedCluster } from './start-emulated-cluster.js'

const hasKubectl = await execa('kubectl', ['version', '--client'], { reject: false }).then((result) => result.exitCode === 0, () => false)
if (!hasKubectl) console.warn('kubectl tests skipped: kubectl is not on PATH')

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{containerPort: 80}]
`

let cluster: EmulatedCluster
let home: string

/** Runs kubectl against the emulated cluster only: its own KUBECONFIG and HOME, so ~/.kube is never read or written. */
const kubectl = async (...args: string[]) => {
  const result = await execa('kubectl', args, { env: { KUBECONFIG: cluster.kubeconfigPath, HOME: home }, extendEnv: false, reject: false, timeout: 60_000 })
  return { code: result.exitCode, out: `${result.stdout}\n${result.stderr}` }
}

describe.skipIf(!hasKubectl)('kubectl against the emulated cluster (skipped when kubectl is absent from PATH)', () => {
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'vitest-chaos-kubectl-home-'))
    cluster = await startEmulatedCluster({ bookinfo: true })
  })

  afterAll(async () => {
    await cluster?.stop()
    await rm(home, { recursive: true, force: true })
  })

  it('get nodes prints the four kind-like nodes, Ready, with the control-plane role', async () => {
    const { code, out } = await kubectl('get', 'nodes')
    expect(code).toBe(0)
    const rows = out.trim().split('\n').slice(1).map((line) => line.split(/\s+/))
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['chaos-control-plane', 'Ready', 'control-plane'],
      ['chaos-worker', 'Ready', '<none>'],
      ['chaos-worker2', 'Ready', '<none>'],
      ['chaos-worker3', 'Ready', '<none>'],
    ])
  })

  it('describe node prints the kubelet Lease (coordination.k8s.io/v1) without a lease error', async () => {
    const { code, out } = await kubectl('describe', 'node', 'chaos-worker')
    expect(code).toBe(0)
    expect(out).toContain('Lease:')
    expect(out).toContain('HolderIdentity:  chaos-worker')
    expect(out).not.toContain('Failed to get lease')
  })

  it('get pods -A shows bookinfo and kube-system pods running', async () => {
    const { code, out } = await kubectl('get', 'pods', '-A')
    expect(code).toBe(0)
    expect(out).toMatch(/^bookinfo\s+productpage-v1-[456789bcdf]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0/m)
    expect(out).toMatch(/^kube-system\s+kube-apiserver-chaos-control-plane\s+1\/1\s+Running/m)
    expect(out.match(/^kube-system\s+kube-proxy-\w{5}\s+1\/1\s+Running/gm)).toHaveLength(4)
  })

  it('get events -A prints the server Table: last seen, type, reason, object and message', async () => {
    const { code, out } = await kubectl('get', 'events', '-A')
    expect(code).toBe(0)
    expect(out.split('\n')[0]).toMatch(/^NAMESPACE\s+LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/)
    expect(out).toMatch(/^bookinfo\s+\d+[smh]\s+Normal\s+Scheduled\s+pod\/productpage-v1-[456789bcdf]+-\w{5}\s+Successfully assigned bookinfo\/productpage-v1-\S+ to chaos-worker\d?$/m)
    expect(out).toMatch(/^bookinfo\s+\d+[smh]\s+Normal\s+ScalingReplicaSet\s+deployment\/productpage-v1\s+Scaled up replica set productpage-v1-\w+ from 0 to 1$/m)
  })

  it('drain evicts everything but DaemonSet pods, and uncordon makes the node schedulable again', async () => {
    const drain = await kubectl('drain', 'chaos-worker', '--ignore-daemonsets', '--delete-emptydir-data', '--timeout=60s')
    expect(drain.code).toBe(0)
    expect(drain.out).toContain('node/chaos-worker cordoned')
    expect(drain.out).toMatch(/Warning: ignoring DaemonSet-managed Pods: kube-system\/kindnet-\w{5}, kube-system\/kube-proxy-\w{5}/)
    expect(drain.out).toMatch(/evicting pod bookinfo\//)
    expect(drain.out).toContain('node/chaos-worker drained')
    const left = await kubectl('get', 'pods', '-A', '--field-selector', 'spec.nodeName=chaos-worker', '-o', 'name')
    expect(left.out.trim().split('\n').map((name) => name.replace(/-\w{5}$/, '')).sort()).toEqual(['pod/kindnet', 'pod/kube-proxy'])
    expect((await kubectl('get', 'node', 'chaos-worker')).out).toMatch(/chaos-worker\s+Ready,SchedulingDisabled/)
    const uncordon = await kubectl('uncordon', 'chaos-worker')
    expect(uncordon.out).toContain('node/chaos-worker uncordoned')
    expect((await kubectl('get', 'node', 'chaos-worker')).out).toMatch(/chaos-worker\s+Ready\s+<none>/)
  })

  it('apply -f creates a deployment and rollout status waits for it', async () => {
    const file = join(home, 'web.yaml')
    await writeFile(file, MANIFEST)
    const apply = await kubectl('apply', '-f', file)
    expect(apply.out).toContain('deployment.apps/web created')
    const rollout = await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s')
    expect(rollout.code).toBe(0)
    expect(rollout.out).toContain('deployment "web" successfully rolled out')
    expect((await kubectl('get', 'deployment', 'web')).out).toMatch(/web\s+3\/3\s+3\s+3/)
  })

  it('set image, rollout undo and rollout history behave as on a real cluster', async () => {
    expect((await kubectl('set', 'image', 'deployment/web', 'web=nginx:1.28')).out).toContain('deployment.apps/web image updated')
    expect((await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s')).out).toContain('successfully rolled out')
    expect((await kubectl('rollout', 'undo', 'deployment/web')).out).toContain('deployment.apps/web rolled back')
    expect((await kubectl('rollout', 'status', 'deployment/web', '--timeout=60s')).out).toContain('successfully rolled out')
    expect((await kubectl('get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).out.trim()).toBe('nginx:1.27')
    const history = (await kubectl('rollout', 'history', 'deployment/web')).out
    expect(history.match(/^\d+\s+<none>$/gm)?.map((line) => line.split(/\s+/)[0])).toEqual(['2', '3'])
  })

  it('delete pod removes it and the ReplicaSet replaces it under a new name', async () => {
    const before = (await kubectl('get', 'pods', '-l', 'app=details', '-n', 'bookinfo', '-o', 'jsonpath={.items[*].metadata.name}')).out.trim()
    expect(before).toMatch(/^details-v1-[456789bcdf]+-\w{5}$/)
    const deleted = await kubectl('delete', 'pod', before, '-n', 'bookinfo')
    expect(deleted.out).toContain(`pod "${before}" deleted`)
    const rollout = await kubectl('rollout', 'status', 'deployment/details-v1', '-n', 'bookinfo', '--timeout=60s')
    expect(rollout.code).toBe(0)
    const after = (await kubectl('get', 'pods', '-l', 'app=details', '-n', 'bookinfo', '-o', 'jsonpath={.items[*].metadata.name}')).out.trim()
    expect(after).toMatch(/^details-v1-[456789bcdf]+-\w{5}$/)
    expect(after).not.toBe(before)
  })

  it('get virtualservice -o yaml prints bookinfo routing rules', async () => {
    const { code, out } = await kubectl('get', 'virtualservice', 'reviews', '-n', 'bookinfo', '-o', 'yaml')
    expect(code).toBe(0)
    expect(out).toContain('apiVersion: networking.istio.io/v1')
    expect(out).toContain('kind: VirtualService')
    expect(out).toMatch(/subset: v3/)
  })

  it('logs prints what the container wrote', async () => {
    const pod = (await kubectl('get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}')).out.trim()
    const { out } = await kubectl('logs', pod)
    expect(out).toContain(`nginx:1.27 started as ${pod}`)
  })
})

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- kubectl -o json output is read field by field */
// kubectl 1.32 against the emulated cluster, checked against what it prints against a real kube-apiserver 1.32
// (fixtures/apiserver-v1.32: the transcripts' stdout/stderr and manifests) and against the cluster state afterwards.
import { execa, type ResultPromise } from 'execa'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EmulatedCluster } from './emulated-cluster.js'
import { startEmulatedCluster } from './start-emulated-cluster.js'

const hasKubectl = await execa('kubectl', ['version', '--client'], { reject: false }).then((result) => result.exitCode === 0, () => false)
if (!hasKubectl) console.warn('kubectl conformance tests skipped: kubectl is not on PATH')

const RECORDED = new URL('../../fixtures/apiserver-v1.32/', import.meta.url)
const FIXTURES = new URL('../../fixtures/', import.meta.url)

interface Transcript {
  stdout: string
  stderr: string
  exit_code: number
  manifest: { argument_path: string } | null
}

const transcript = async (name: string): Promise<Transcript> => JSON.parse(await readFile(new URL(`kubectl-${name}.json`, RECORDED), 'utf8')) as Transcript
/** What kubectl printed besides its -v=9 log lines. */
const printed = (stderr: string) => stderr.split('\n').filter((line) => line !== '' && !/^[IEW]\d{4} /.test(line) && !line.startsWith('\t') && !/^ ?[>}\]]/.test(line))

let cluster: EmulatedCluster
let home: string
/** PATH stays: kubectl diff runs `diff`. */
const environment = () => ({ KUBECONFIG: cluster.kubeconfigPath, HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin' })

/** kubectl against the emulated cluster only: its own KUBECONFIG and HOME (so ~/.kube is never read), run in `home`. */
const kubectl = async (...args: string[]) => {
  const result = await execa('kubectl', args, { cwd: home, env: environment(), extendEnv: false, reject: false, timeout: 60_000 })
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr, out: `${result.stdout}\n${result.stderr}` }
}
const kubectlWithInput = async (input: string, ...args: string[]) => {
  const result = await execa('kubectl', args, { cwd: home, input, env: environment(), extendEnv: false, reject: false, timeout: 60_000 })
  return { code: result.exitCode, out: `${result.stdout}\n${result.stderr}` }
}
const jsonOf = async (...args: string[]) => JSON.parse((await kubectl(...args, '-o', 'json')).stdout) as Record<string, any>

/** Starts `kubectl port-forward` on a free local port and resolves with that port once kubectl listens. */
const portForward = async (...args: string[]): Promise<{ port: number; process: ResultPromise }> => {
  const child = execa('kubectl', ['port-forward', ...args], { cwd: home, env: environment(), extendEnv: false, reject: false, timeout: 60_000 })
  let seen = ''
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      const match = /Forwarding from 127\.0\.0\.1:(\d+)/.exec(seen)
      if (match) resolve(Number(match[1]))
    })
    void child.then((result) => reject(new Error(`kubectl port-forward ended before listening: ${String(result.stderr)}`)))
  })
  return { port, process: child }
}

describe.skipIf(!hasKubectl)('kubectl 1.32 conformance against the emulated cluster (skipped when kubectl is absent from PATH)', () => {
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'vitest-chaos-kubectl-conformance-'))
    await mkdir(join(home, 'manifests'))
    cluster = await startEmulatedCluster({ bookinfo: true })
  }, 120_000)

  afterAll(async () => {
    await cluster?.stop()
    await rm(home, { recursive: true, force: true })
  })

  /** Puts the recorded manifest of transcript `name` where the recorded command found it; returns that path. */
  const placeManifest = async (name: string, file: string): Promise<string> => {
    const path = (await transcript(name)).manifest!.argument_path
    await copyFile(new URL(`manifests/${file}`, RECORDED), join(home, path))
    return path
  }

  const CREATES = ['01-create-deployment', '02-create-namespace', '03-create-configmap', '04-create-secret', '05-create-service', '06-create-pdb']
  it.each(CREATES)('%s: the recorded kubectl create (a protobuf body) prints what it printed against the real server', async (name) => {
    const recorded = (await transcript(name)) as Transcript & { argv: string[] }
    const created = await kubectl(...recorded.argv.slice(1).filter((arg) => arg !== '-v=9'))
    expect([created.code, created.stdout]).toEqual([0, recorded.stdout.trim()])
  })

  it('the created objects are in the cluster as asked; create --dry-run=server stores nothing', async () => {
    const web = await jsonOf('get', 'deployment', 'web')
    expect([web.spec.replicas, web.spec.template.spec.containers[0].ports[0].containerPort]).toEqual([3, 8080])
    expect((await jsonOf('get', 'configmap', 'settings')).data).toEqual({ mode: 'chaos' })
    expect(Buffer.from((await jsonOf('get', 'secret', 'creds')).data.token as string, 'base64').toString()).toBe('abc')
    expect((await jsonOf('get', 'service', 'web')).spec.ports[0]).toMatchObject({ port: 80, targetPort: 8080 })
    expect((await jsonOf('get', 'pdb', 'web-pdb')).spec.minAvailable).toBe(2)
    expect((await jsonOf('get', 'namespace', 'team-a')).status.phase).toBe('Active')
    const dryRun = await kubectl('create', 'configmap', 'draft', '--from-literal=a=b', '--dry-run=server')
    expect(dryRun.stdout).toBe('configmap/draft created (server dry run)')
    expect((await kubectl('get', 'configmap', 'draft')).code).toBe(1)
    expect((await kubectl('delete', 'pdb', 'web-pdb')).code).toBe(0)
  })

  it('apply -f creates, then patches a changed ConfigMap (07, 08), with no --validate=false', async () => {
    const path = await placeManifest('07-apply-configmap-create', '07-apply-configmap-create.yaml')
    const created = await kubectl('apply', '-f', path)
    expect([created.code, created.stdout]).toEqual([0, (await transcript('07-apply-configmap-create')).stdout.trim()])
    await placeManifest('08-apply-configmap-patch', '08-apply-configmap-patch.yaml')
    const patched = await kubectl('apply', '-f', path)
    expect([patched.code, patched.stdout]).toEqual([0, (await transcript('08-apply-configmap-patch')).stdout.trim()])
    expect((await jsonOf('get', 'configmap', 'app-config')).data.mode).toBe('chaos')
  })

  it('diff shows the change against a server-side dry run and changes nothing', async () => {
    const before = await jsonOf('get', 'configmap', 'app-config')
    await writeFile(join(home, 'changed.yaml'), (await readFile(new URL('manifests/08-apply-configmap-patch.yaml', RECORDED), 'utf8')).replace('mode: chaos', 'mode: calm'))
    const diff = await kubectl('diff', '-f', 'changed.yaml')
    expect(diff.code).toBe(1)
    expect(diff.stdout).toMatch(/^- {2}mode: chaos$/m)
    expect(diff.stdout).toMatch(/^\+ {2}mode: calm$/m)
    expect((await jsonOf('get', 'configmap', 'app-config')).metadata.resourceVersion).toBe(before.metadata.resourceVersion)
    const dryRun = await kubectl('apply', '--dry-run=server', '-f', 'changed.yaml')
    expect(dryRun.stdout).toBe('configmap/app-config configured (server dry run)')
    expect((await jsonOf('get', 'configmap', 'app-config')).data.mode).toBe('chaos')
  })

  it('apply --server-side creates (09), changes (10), refuses a conflict with the real 409 text and takes over with --force-conflicts', async () => {
    const path = await placeManifest('09-apply-server-side-create', '09-apply-server-side-create.yaml')
    const created = await kubectl('apply', '--server-side', '-f', path)
    expect([created.code, created.stdout]).toEqual([0, (await transcript('09-apply-server-side-create')).stdout.trim()])
    expect((await jsonOf('get', 'deployment', 'api', '--show-managed-fields')).metadata.managedFields.map((entry: any) => [entry.manager, entry.operation])).toEqual([['kubectl', 'Apply']])
    await placeManifest('10-apply-server-side-change', '10-apply-server-side-change.yaml')
    const changed = await kubectl('apply', '--server-side', '-f', path)
    expect([changed.code, changed.stdout]).toEqual([0, (await transcript('10-apply-server-side-change')).stdout.trim()])
    expect((await jsonOf('get', 'deployment', 'api')).spec.replicas).toBe(3)
    expect((await kubectl('scale', 'deployment', 'api', '--replicas=5')).stdout).toBe('deployment.apps/api scaled')
    const conflict = await kubectl('apply', '--server-side', '-f', path)
    expect(conflict.code).toBe(1)
    expect(conflict.stderr.split('\n')[0]).toBe('error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas')
    expect((await jsonOf('get', 'deployment', 'api')).spec.replicas).toBe(5)
    const forced = await kubectl('apply', '--server-side', '--force-conflicts', '-f', path)
    expect(forced.code).toBe(0)
    expect((await jsonOf('get', 'deployment', 'api')).spec.replicas).toBe(3)
  })

  it('apply with an unknown field fails with the recorded Strict errors on the create (11) and the patch (12) path', async () => {
    const created = await transcript('11-apply-unknown-field-create')
    const path = await placeManifest('11-apply-unknown-field-create', '11-apply-unknown-field-create.yaml')
    const refused = await kubectl('apply', '-f', path)
    expect([refused.code, refused.stderr]).toEqual([created.exit_code, printed(created.stderr).at(-1)])
    expect((await kubectl('get', 'deployment', 'typo')).code).toBe(1)

    const patched = await transcript('12-apply-unknown-field-patch')
    const existing = await placeManifest('12-apply-unknown-field-patch', '12-apply-unknown-field-patch.yaml')
    const manifest = await readFile(join(home, existing), 'utf8')
    await writeFile(join(home, existing), manifest.replace('replicass: 2', 'replicas: 1'))
    expect((await kubectl('apply', '-f', existing)).code).toBe(0)
    await writeFile(join(home, existing), manifest)
    const invalid = await kubectl('apply', '-f', existing)
    expect([invalid.code, invalid.stderr]).toEqual([patched.exit_code, printed(patched.stderr).at(-1)])
    expect((await jsonOf('get', 'deployment', 'typo-existing')).spec).not.toHaveProperty('replicass')
  })

  it('explain prints what it prints against the real server (13)', async () => {
    const explained = await kubectl('explain', 'deployment.spec.replicas')
    expect(explained.stdout.trimEnd()).toBe((await transcript('13-explain')).stdout.trimEnd())
  })

  it('scale, rollout restart, status and undo', async () => {
    expect((await kubectl('scale', 'deployment', 'details-v1', '-n', 'bookinfo', '--replicas=2')).stdout).toBe('deployment.apps/details-v1 scaled')
    expect((await kubectl('rollout', 'status', 'deployment/details-v1', '-n', 'bookinfo', '--timeout=60s')).stdout).toContain('successfully rolled out')
    expect((await kubectl('rollout', 'restart', 'deployment/details-v1', '-n', 'bookinfo')).stdout).toBe('deployment.apps/details-v1 restarted')
    const restarted = await jsonOf('get', 'deployment', 'details-v1', '-n', 'bookinfo')
    expect(restarted.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect((await kubectl('rollout', 'status', 'deployment/details-v1', '-n', 'bookinfo', '--timeout=60s')).stdout).toContain('deployment "details-v1" successfully rolled out')
    expect((await kubectl('rollout', 'undo', 'deployment/details-v1', '-n', 'bookinfo')).stdout).toBe('deployment.apps/details-v1 rolled back')
    expect((await kubectl('rollout', 'status', 'deployment/details-v1', '-n', 'bookinfo', '--timeout=60s')).code).toBe(0)
    expect((await jsonOf('get', 'deployment', 'details-v1', '-n', 'bookinfo')).spec.template.metadata.annotations ?? {}).not.toHaveProperty('kubectl.kubernetes.io/restartedAt')
  })

  it('wait --for=condition, label and annotate', async () => {
    expect((await kubectl('wait', '--for=condition=Available', 'deployment/productpage-v1', '-n', 'bookinfo', '--timeout=60s')).stdout).toBe('deployment.apps/productpage-v1 condition met')
    expect((await kubectl('label', 'deployment', 'productpage-v1', '-n', 'bookinfo', 'chaos=on')).stdout).toBe('deployment.apps/productpage-v1 labeled')
    expect((await kubectl('annotate', 'deployment', 'productpage-v1', '-n', 'bookinfo', 'owner=team-a')).stdout).toBe('deployment.apps/productpage-v1 annotated')
    const labelled = await jsonOf('get', 'deployment', 'productpage-v1', '-n', 'bookinfo')
    expect([labelled.metadata.labels.chaos, labelled.metadata.annotations.owner]).toEqual(['on', 'team-a'])
  })

  it('drain with a PodDisruptionBudget that blocks: 429 retries until the global timeout, the node stays cordoned; uncordon', async () => {
    const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: productpage, namespace: bookinfo}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: productpage}}\n'
    expect((await kubectlWithInput(pdb, 'apply', '-f', '-')).code).toBe(0)
    await expect.poll(async () => (await jsonOf('get', 'pdb', 'productpage', '-n', 'bookinfo')).status?.expectedPods, { timeout: 30_000 }).toBe(1)
    const node = (await jsonOf('get', 'pods', '-n', 'bookinfo', '-l', 'app=productpage')).items[0].spec.nodeName as string
    const drain = await kubectl('drain', node, '--ignore-daemonsets', '--delete-emptydir-data', '--timeout=6s')
    expect(drain.code).toBe(1)
    expect(drain.stderr).toMatch(/error when evicting pods\/"productpage-v1-\w+-\w{5}" -n "bookinfo" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\./)
    expect(drain.stderr).toMatch(/global timeout reached: 6s/)
    expect((await jsonOf('get', 'node', node)).spec.unschedulable).toBe(true)
    expect((await kubectl('uncordon', node)).stdout).toBe(`node/${node} uncordoned`)
    expect((await jsonOf('get', 'node', node)).spec.unschedulable).toBeUndefined()
    expect((await kubectl('delete', 'pdb', 'productpage', '-n', 'bookinfo')).code).toBe(0)
  })

  it('delete --wait returns once the pod is gone', async () => {
    const pod = (await jsonOf('get', 'pods', '-n', 'bookinfo', '-l', 'app=ratings')).items[0].metadata.name as string
    const deleted = await kubectl('delete', 'pod', pod, '-n', 'bookinfo', '--wait=true')
    expect([deleted.code, deleted.stdout]).toEqual([0, `pod "${pod}" deleted`])
    expect((await kubectl('get', 'pod', pod, '-n', 'bookinfo')).stderr).toBe(`Error from server (NotFound): pods "${pod}" not found`)
  })

  it('port-forward to a service and to a pod carries HTTP to the pod program', async () => {
    const service = await portForward('-n', 'bookinfo', 'svc/productpage', ':9080')
    try {
      const page = await fetch(`http://127.0.0.1:${service.port}/productpage`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('Simple Bookstore App')
    } finally {
      service.process.kill()
    }
    const podName = (await jsonOf('get', 'pods', '-n', 'bookinfo', '-l', 'app=details')).items[0].metadata.name as string
    const pod = await portForward('-n', 'bookinfo', `pod/${podName}`, ':9080')
    try {
      const details = (await (await fetch(`http://127.0.0.1:${pod.port}/details/0`)).json()) as { id: number }
      expect(details.id).toBe(0)
    } finally {
      pod.process.kill()
    }
  })

  it('port-forward to a pod that is not running fails with kubectl\'s error; exec answers as the recording (26)', async () => {
    const pending = 'apiVersion: v1\nkind: Pod\nmetadata: {name: nowhere}\nspec:\n  nodeSelector: {no-such: node}\n  containers: [{name: app, image: nginx}]\n'
    expect((await kubectlWithInput(pending, 'apply', '-f', '-')).code).toBe(0)
    const refused = await kubectl('port-forward', 'pod/nowhere', ':80')
    expect([refused.code, refused.stderr]).toEqual([1, 'error: unable to forward port because pod is not running. Current status=Pending'])
    const pod = (await jsonOf('get', 'pods', '-n', 'bookinfo', '-l', 'app=details')).items[0]
    const exec = await kubectl('exec', '-n', 'bookinfo', `pod/${pod.metadata.name as string}`, '--', 'echo', 'hi')
    expect(exec.code).toBe(1)
    expect(exec.stderr).toBe(
      `error: Internal error occurred: error sending request: Post "https://${pod.spec.nodeName as string}:10250/exec/bookinfo/${pod.metadata.name as string}/details?command=echo&command=hi&error=1&output=1": dial tcp 127.0.0.1:10250: connect: connection refused`,
    )
  })

  const KINDS = ['pods', 'nodes', 'namespaces', 'services', 'endpoints', 'endpointslices', 'configmaps', 'secrets', 'serviceaccounts', 'events', 'deployments', 'replicasets', 'daemonsets', 'poddisruptionbudgets', 'leases', 'virtualservices', 'destinationrules', 'gateways']
  it.each(KINDS)('get %s -A -o wide, yaml, json and jsonpath', async (kind) => {
    const wide = await kubectl('get', kind, '-A', '-o', 'wide')
    expect(wide.code, wide.stderr).toBe(0)
    expect(wide.stdout.split('\n')[0] || wide.stderr).toMatch(/^NAMESPACE\s+\S|^NAME\s+\S|^No resources found$/)
    const yaml = await kubectl('get', kind, '-A', '-o', 'yaml')
    expect(yaml.stdout).toMatch(/^apiVersion: v1\nitems:/)
    const list = await jsonOf('get', kind, '-A')
    const names = (await kubectl('get', kind, '-A', '-o', 'jsonpath={.items[*].metadata.name}')).stdout
    expect(names.split(' ').filter(Boolean)).toEqual(list.items.map((item: any) => item.metadata.name))
  })

  it('discovers from a cold cache in the two aggregated requests of recording 22, then lists', async () => {
    const cold = await kubectl('get', 'endpointslices', '-A', '-v=6', '--cache-dir', join(home, 'cold-cache'))
    expect(cold.code, cold.stderr).toBe(0)
    // -v=6 logs one `GET https://127.0.0.1:<port><path> 200 OK in N milliseconds` line per request
    const requests = [...cold.stderr.matchAll(/ (GET|POST) https:\/\/[^/]+(\S+) \d{3} /g)].map(([, verb, path]) => `${verb!} ${path!}`)
    expect(requests).toEqual(['GET /api?timeout=32s', 'GET /apis?timeout=32s', 'GET /apis/discovery.k8s.io/v1/endpointslices?limit=500'])
  })

  it('prints the real columns: ENDPOINTS, endpointslices, pods and nodes -o wide, events -A', async () => {
    expect((await kubectl('get', 'endpoints', 'productpage', '-n', 'bookinfo')).stdout).toMatch(/^NAME\s+ENDPOINTS\s+AGE\nproductpage\s+10\.244\.\d+\.\d+:9080\s+\d+[smh]$/)
    const slices = await kubectl('get', 'endpointslices', '-n', 'bookinfo', '-l', 'kubernetes.io/service-name=productpage')
    expect(slices.stdout).toMatch(/^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE\nproductpage-[a-z0-9]{5}\s+IPv4\s+9080\s+10\.244\.\d+\.\d+\s+\d+[smh]$/)
    expect((await kubectl('get', 'pods', '-n', 'bookinfo', '-o', 'wide')).stdout.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/)
    expect((await kubectl('get', 'nodes', '-o', 'wide')).stdout.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME$/)
    expect((await kubectl('get', 'events', '-A')).stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/)
    expect((await kubectl('events', '-n', 'bookinfo')).stdout.split('\n')[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/)
  })

  it('describe node, pod and deployment', async () => {
    const pod = (await jsonOf('get', 'pods', '-n', 'bookinfo', '-l', 'app=productpage')).items[0].metadata.name as string
    for (const args of [['node', 'chaos-worker'], ['pod', pod, '-n', 'bookinfo'], ['deployment', 'productpage-v1', '-n', 'bookinfo']]) {
      const described = await kubectl('describe', ...args)
      expect(described.code, described.stderr).toBe(0)
      expect(described.stdout).toMatch(new RegExp(`^Name:\\s+${args[1]!}$`, 'm'))
    }
  })

  it('logs -f follows the container log until the pod is deleted', async () => {
    const pod = (await jsonOf('get', 'pods', '-n', 'bookinfo', '-l', 'app=reviews')).items[0].metadata.name as string
    const follow = execa('kubectl', ['logs', '-f', `pod/${pod}`, '-n', 'bookinfo'], { cwd: home, env: environment(), extendEnv: false, reject: false, timeout: 60_000 })
    let seen = ''
    await new Promise<void>((resolve) => {
      follow.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString()
        if (seen.includes('listening on 9080')) resolve()
      })
    })
    expect(follow.exitCode).toBeNull()
    expect((await kubectl('delete', 'pod', pod, '-n', 'bookinfo', '--wait=false')).code).toBe(0)
    const ended = await follow
    expect([ended.exitCode, ended.timedOut]).toEqual([0, false])
  })

  it('top answers the real "Metrics API not available"', async () => {
    const top = await kubectl('top', 'pods', '-n', 'bookinfo')
    expect([top.code, top.stderr]).toEqual([1, 'error: Metrics API not available'])
  })

  it("Istio's bookinfo sample files apply with plain kubectl apply -f, into bookinfo and into a new namespace made with kubectl create namespace", async () => {
    const files = ['bookinfo/bookinfo.yaml', 'bookinfo/bookinfo-db.yaml', 'bookinfo/bookinfo-ratings-v2.yaml', 'istio/destination-rule-all.yaml', 'istio/virtual-service-reviews-v3.yaml', 'istio/bookinfo-gateway.yaml', 'istio/virtual-service-all-v1.yaml']
    for (const file of files) {
      const applied = await kubectl('apply', '-f', new URL(file, FIXTURES).pathname)
      expect(applied.code, `${file}: ${applied.stderr}`).toBe(0)
      // The emulator deployed bookinfo without kubectl apply, so kubectl warns once that it adds last-applied-configuration.
      expect(printed(applied.stderr).filter((line) => !line.includes('missing the kubectl.kubernetes.io/last-applied-configuration annotation')), file).toEqual([])
    }
    expect((await kubectl('create', 'namespace', 'bookinfo-copy')).stdout).toBe('namespace/bookinfo-copy created')
    for (const file of files) {
      // The samples as Istio ships them carry no namespace; ours pin `bookinfo`, so that line is left out here.
      const text = (await readFile(new URL(file, FIXTURES), 'utf8')).replaceAll('\n  namespace: bookinfo\n', '\n')
      const applied = await kubectlWithInput(text, 'apply', '-n', 'bookinfo-copy', '-f', '-')
      expect(applied.code, `${file}: ${applied.out}`).toBe(0)
    }
    const waited = await kubectl('wait', '--for=condition=Available', 'deployment', '--all', '-n', 'bookinfo-copy', '--timeout=60s')
    expect(waited.code, waited.stderr).toBe(0)
    expect((await jsonOf('get', 'virtualservices', '-n', 'bookinfo-copy')).items.map((item: any) => item.metadata.name).sort()).toEqual(['bookinfo', 'details', 'productpage', 'ratings', 'reviews'])
  })
})

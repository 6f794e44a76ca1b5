// The kind provider's orchestration with stand-in `kind` and `docker` executables (they record their argv)
// and the emulated cluster as the API server behind the kubeconfig `kind get kubeconfig` prints.
import { KubeConfig } from '@kubernetes/client-node'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulatedCluster } from '../../emulator/index.js'
import type { EmulatedCluster } from '../../emulator/emulated-cluster.js'
import { installBookinfo } from '../install-bookinfo.js'
import { startCluster } from '../start-cluster.js'

const kubeconfigServer = (kubeconfig: string) => {
  const kc = new KubeConfig()
  kc.loadFromString(kubeconfig)
  return kc.getCurrentCluster()!.server
}

const kindConfig = 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nname: chaos\nnodes:\n- role: control-plane\n- role: worker\n- role: worker\n- role: worker\n'

describe('the kind provider, with stand-in binaries in front of an emulated cluster', () => {
  let emulated: EmulatedCluster
  let bin: string
  let calls: string

  const standIns = async (clustersRunning: string, createExit = 0) => {
    await writeFile(join(bin, 'docker'), '#!/bin/sh\necho 27.3.1\n')
    await writeFile(join(bin, 'kind'), [
      '#!/bin/sh',
      `echo "kind $*" >> ${calls}`,
      `case "$1 $2" in`,
      `  "get clusters") printf '${clustersRunning}' ;;`,
      `  "get kubeconfig") cat ${emulated.kubeconfigPath} ;;`,
      `  "create cluster") echo "Creating cluster \\"chaos\\" ..." >&2; exit ${createExit} ;;`,
      'esac',
    ].join('\n'))
    await chmod(join(bin, 'docker'), 0o755)
    await chmod(join(bin, 'kind'), 0o755)
    await writeFile(calls, '')
  }

  beforeAll(async () => {
    emulated = await startEmulatedCluster({ bookinfo: false })
    bin = await mkdtemp(join(tmpdir(), 'kind-bin-'))
    calls = join(bin, 'calls.log')
    await writeFile(join(bin, 'kind.yaml'), kindConfig)
  }, 60_000)

  afterAll(async () => {
    await emulated.stop()
    await rm(bin, { recursive: true, force: true })
  })

  it('reuses a running cluster: reads its kubeconfig, watches the 4 nodes Ready, and leaves it running on stop', async () => {
    await standIns('chaos\\n')
    const lines: string[] = []
    const cluster = await startCluster({
      provider: 'kind', bookinfo: false, env: { PATH: `${bin}:/usr/bin:/bin` }, kindConfigPath: join(bin, 'kind.yaml'), log: (line) => lines.push(line),
    })
    expect(cluster).toMatchObject({ provider: 'kind', name: 'chaos', context: 'kind-chaos', istio: false, urls: { api: kubeconfigServer(emulated.kubeconfig) } })
    expect(cluster.istioUnavailableReason).toBe('the kind cluster was started without bookinfo, so Istio was not installed')
    expect(await readFile(cluster.kubeconfigPath, 'utf8')).toBe(emulated.kubeconfig.trimEnd())
    await cluster.stop()
    expect((await readFile(calls, 'utf8')).trim().split('\n')).toEqual(['kind get clusters', 'kind get kubeconfig --name chaos'])
    expect(lines).toContain("reusing the running kind cluster 'chaos'")
  })

  it('creates a missing cluster with the config, and deletes it on stop unless told to keep it', async () => {
    await standIns('')
    const configPath = join(bin, 'kind.yaml')
    const created = await startCluster({ provider: 'kind', bookinfo: false, env: { PATH: `${bin}:/usr/bin:/bin` }, kindConfigPath: configPath })
    await created.stop()
    expect((await readFile(calls, 'utf8')).trim().split('\n')).toEqual([
      'kind get clusters',
      `kind create cluster --name chaos --config ${configPath} --wait 5m`,
      'kind get kubeconfig --name chaos',
      'kind delete cluster --name chaos',
    ])
    await standIns('')
    const kept = await startCluster({ provider: 'kind', bookinfo: false, keep: true, env: { PATH: `${bin}:/usr/bin:/bin` }, kindConfigPath: configPath })
    await kept.stop()
    expect(await readFile(calls, 'utf8')).not.toContain('delete')
  })

  it('deletes what a failed or interrupted create left behind', async () => {
    await standIns('', 1)
    const configPath = join(bin, 'kind.yaml')
    await expect(startCluster({ provider: 'kind', bookinfo: false, env: { PATH: `${bin}:/usr/bin:/bin` }, kindConfigPath: configPath })).rejects.toThrow(
      `kind cluster: \`${join(bin, 'kind')} create cluster --name chaos --config ${configPath} --wait 5m\` exited with 1: Creating cluster "chaos" ...`,
    )
    expect((await readFile(calls, 'utf8')).trim().split('\n')).toEqual([
      'kind get clusters', `kind create cluster --name chaos --config ${configPath} --wait 5m`, 'kind delete cluster --name chaos',
    ])
  })

  it('refuses to reuse when told not to', async () => {
    await standIns('chaos\\n')
    await expect(startCluster({ provider: 'kind', reuse: false, env: { PATH: `${bin}:/usr/bin:/bin` }, kindConfigPath: join(bin, 'kind.yaml') })).rejects.toThrow(
      "kind cluster: 'chaos' already exists and reuse is off; delete it with `kind delete cluster --name chaos`",
    )
  })
})

describe('installBookinfo', () => {
  it('applies the bookinfo manifests server-side and watches every deployment become available', async () => {
    await using emulated = await startEmulatedCluster({ bookinfo: false })
    const kc = new KubeConfig()
    kc.loadFromString(emulated.kubeconfig)
    const lines: string[] = []
    await installBookinfo(kc, { provider: 'test', istio: true, timeoutMs: 120_000, log: (line) => lines.push(line) })
    expect(lines[0]).toMatch(/^applying \d+ bookinfo objects to namespace bookinfo$/)
    expect(lines).toContain('waiting for 8 bookinfo deployments to be available')
    // applying again changes nothing and succeeds (server-side apply is idempotent)
    await installBookinfo(kc, { provider: 'test', istio: true, timeoutMs: 120_000 })
  }, 180_000)
})

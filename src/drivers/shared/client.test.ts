import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { writeFileSync } from 'node:fs'
import type { ClientRequest } from 'node:http'
import { join } from 'node:path'
import { CoreV1Api } from '@kubernetes/client-node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { kubeconfigFor, startEmulatedCluster, type EmulatedCluster } from '../../emulator/index.js'
import { loadKubeConfig } from './client.js'

const KEYS = ['KUBECONFIG', 'KUBERNETES_CONTEXT', 'KUBERNETES_HOST', 'KUBERNETES_API_KEY', 'CHAOSTOOLKIT_IN_POD'] as const
const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]))
let cluster: EmulatedCluster

const namespacesVia = async (secrets?: Record<string, unknown>) =>
  (await loadKubeConfig(secrets).makeApiClient(CoreV1Api).listNamespace()).items.map((ns) => ns.metadata?.name)

beforeAll(async () => {
  cluster = await startEmulatedCluster({ bookinfo: false })
})

afterAll(async () => {
  await cluster?.stop()
})

afterEach(() => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key]
    else process.env[key] = saved[key]
  }
})

describe('loadKubeConfig (chaosk8s create_k8s_api_client rules)', () => {
  it('uses the kubeconfig file named by KUBECONFIG, with its current context', async () => {
    process.env.KUBECONFIG = cluster.kubeconfigPath
    expect(await namespacesVia()).toContain('default')
  })

  it('picks KUBERNETES_CONTEXT from the secrets before the environment, and names the contexts it knows when it is wrong', async () => {
    const path = join(cluster.kubeconfigPath, '..', 'two-contexts')
    const broken = kubeconfigFor('http://127.0.0.1:1', 'nope').replaceAll('emulated', 'broken')
    const good = kubeconfigFor(cluster.apiUrl, cluster.token)
    writeFileSync(join(cluster.kubeconfigPath, '..', 'broken'), broken)
    writeFileSync(path, good)
    process.env.KUBECONFIG = `${path}:${join(cluster.kubeconfigPath, '..', 'broken')}`
    process.env.KUBERNETES_CONTEXT = 'broken'
    expect(await namespacesVia({ KUBERNETES_CONTEXT: 'emulated' })).toContain('default')
    expect(() => loadKubeConfig({ KUBERNETES_CONTEXT: 'kind-chaos' })).toThrow(/Kubernetes context 'kind-chaos' is not in the kubeconfig .*\(contexts: emulated, broken\)/)
  })

  it('without a kubeconfig file, connects to KUBERNETES_HOST with KUBERNETES_API_KEY (from secrets or env)', async () => {
    process.env.KUBECONFIG = join(cluster.kubeconfigPath, '..', 'does-not-exist')
    delete process.env.CHAOSTOOLKIT_IN_POD
    process.env.KUBERNETES_HOST = cluster.apiUrl
    expect(await namespacesVia({ KUBERNETES_API_KEY: cluster.token })).toContain('default')
    process.env.KUBERNETES_API_KEY = 'wrong-token'
    await expect(namespacesVia()).rejects.toMatchObject({ code: 401 })
  })

  it('shares one keep-alive connection between calls, also across separately loaded configs', async () => {
    process.env.KUBECONFIG = cluster.kubeconfigPath
    await namespacesVia()
    const reused: boolean[] = []
    const onResponse = (message: unknown) => reused.push((message as { request: ClientRequest }).request.reusedSocket)
    subscribe('http.client.response.finish', onResponse)
    try {
      for (let call = 0; call < 5; call += 1) expect(await namespacesVia()).toContain('default')
    } finally {
      unsubscribe('http.client.response.finish', onResponse)
    }
    expect(reused).toEqual([true, true, true, true, true])
  })
})

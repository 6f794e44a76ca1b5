import { AppsV1Api, KubeConfig } from '@kubernetes/client-node'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ClusterError } from '../../errors.js'
import { isDeploymentAvailable, waitForDeploymentsAvailable, waitForNodesReady } from '../readiness.js'
import { startCluster } from '../start-cluster.js'
import type { StartedCluster } from '../started-cluster.js'
import { isPortOpen } from '../../testing/is-port-open.js'

describe('the emulated provider', () => {
  let cluster: StartedCluster
  let kc: KubeConfig

  beforeAll(async () => {
    cluster = await startCluster({ provider: 'emulated' })
    kc = new KubeConfig()
    kc.loadFromFile(cluster.kubeconfigPath)
  }, 60_000)

  afterAll(() => cluster.stop())

  it('describes the cluster: Istio on, product page exposed, env for a second terminal', async () => {
    expect(cluster).toMatchObject({ provider: 'emulated', name: 'emulated', context: 'emulated', istio: true })
    expect(cluster.urls.api).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(cluster.urls.productPage).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(cluster.env).toEqual({ KUBECONFIG: cluster.kubeconfigPath, PRODUCT_PAGE_SERVICE_BASE_URL: cluster.urls.productPage })
    expect(await readFile(cluster.kubeconfigPath, 'utf8')).toBe(cluster.kubeconfig)
    expect(kc.getCurrentContext()).toBe('emulated')
  })

  it('is ready when it resolves: every bookinfo deployment is available, and the watchers agree', async () => {
    const deployments = (await kc.makeApiClient(AppsV1Api).listNamespacedDeployment({ namespace: 'bookinfo' })).items
    expect(deployments.length).toBeGreaterThanOrEqual(6)
    expect(deployments.filter((deployment) => !isDeploymentAvailable(deployment))).toEqual([])
    await waitForDeploymentsAvailable(kc, 'bookinfo', 6, { timeoutMs: 10_000, provider: 'emulated' })
    await waitForNodesReady(kc, 4, { timeoutMs: 10_000, provider: 'emulated' })
  })

  it('a watch that cannot be satisfied times out with what is missing', async () => {
    await expect(waitForNodesReady(kc, 40, { timeoutMs: 2000, provider: 'emulated' })).rejects.toThrow(
      new ClusterError('emulated cluster: not ready after 2 s: 4/40 nodes Ready (only 4 nodes exist)', 'emulated'),
    )
    await expect(waitForDeploymentsAvailable(kc, 'nowhere', 1, { timeoutMs: 1000, provider: 'emulated' })).rejects.toThrow(
      'emulated cluster: not ready after 1 s: deployments in nowhere not available: none of 1 seen yet',
    )
  })

  it('a watch stops on the abort signal', async () => {
    const controller = new AbortController()
    const waiting = waitForNodesReady(kc, 40, { timeoutMs: 60_000, provider: 'emulated', signal: controller.signal })
    controller.abort()
    await expect(waiting).rejects.toThrow('emulated cluster: interrupted while waiting for /api/v1/nodes')
  })

  it('stop() closes its ports and removes the temporary state directory; a second stop is a no-op', async () => {
    const other = await startCluster({ provider: 'emulated', bookinfo: false })
    expect(other.urls.productPage).toBeUndefined()
    expect(await isPortOpen(other.urls.api)).toBe(true)
    await other[Symbol.asyncDispose]()
    await other.stop()
    expect(await isPortOpen(other.urls.api)).toBe(false)
    expect(existsSync(dirname(other.kubeconfigPath))).toBe(false)
  }, 60_000)
})

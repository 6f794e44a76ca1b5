import { KubeConfig } from '@kubernetes/client-node'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ClusterError } from '../../errors.js'
import { startCluster } from '../start-cluster.js'

const kubeconfigFor = (server: string, contexts: string[], current: string) => `apiVersion: v1
kind: Config
clusters:
${contexts.map((name) => `- name: ${name}\n  cluster:\n    server: ${server}\n    insecure-skip-tls-verify: true`).join('\n')}
users:
${contexts.map((name) => `- name: ${name}-user\n  user:\n    token: secret-${name}`).join('\n')}
contexts:
${contexts.map((name) => `- name: ${name}\n  context:\n    cluster: ${name}\n    user: ${name}-user`).join('\n')}
current-context: ${current}
`

describe('the existing provider', () => {
  const requests: string[] = []
  let server: Server
  let url: string
  let dir: string

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`)
      res.setHeader('content-type', 'application/json')
      if (req.url === '/version') res.end(JSON.stringify({ major: '1', minor: '31', gitVersion: 'v1.31.0' }))
      else if (req.url === '/apis') res.end(JSON.stringify({ kind: 'APIGroupList', apiVersion: 'v1', groups: [{ name: 'networking.istio.io', versions: [], preferredVersion: { groupVersion: 'networking.istio.io/v1', version: 'v1' } }] }))
      else res.writeHead(404).end('{}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    dir = await mkdtemp(join(tmpdir(), 'existing-test-'))
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    await rm(dir, { recursive: true, force: true })
  })

  const writeConfig = async (file: string, contexts: string[], current: string) => {
    const path = join(dir, file)
    await writeFile(path, kubeconfigFor(url, contexts, current))
    return path
  }

  it('refuses a context outside the allow-list before sending a single request', async () => {
    requests.length = 0
    const KUBECONFIG = await writeConfig('prod', ['gke_acme_prod', 'kind-chaos'], 'gke_acme_prod')
    const start = startCluster({ provider: 'existing', env: { KUBECONFIG } })
    await expect(start).rejects.toBeInstanceOf(ClusterError)
    await expect(start).rejects.toThrow(
      "existing cluster: refused context 'gke_acme_prod' before sending it a single request: it matches none of CHAOS_ALLOWED_CONTEXTS (kind-*, k3s*, emulated)",
    )
    expect(requests).toEqual([])
  })

  it('accepts a context the allow-list names, then talks to it and writes a kubeconfig holding only that context', async () => {
    requests.length = 0
    const KUBECONFIG = await writeConfig('allowed', ['gke_acme_prod', 'staging-chaos'], 'gke_acme_prod')
    const env = { KUBECONFIG, CHAOS_ALLOWED_CONTEXTS: 'staging-*', PRODUCT_PAGE_SERVICE_BASE_URL: 'http://127.0.0.1:9080/' }
    await using cluster = await startCluster({ provider: 'existing', env, context: 'staging-chaos', stateDir: join(dir, 'state') })
    expect(cluster).toMatchObject({ provider: 'existing', context: 'staging-chaos', istio: true, urls: { api: url, productPage: 'http://127.0.0.1:9080' } })
    expect(cluster.env).toEqual({ KUBECONFIG: join(dir, 'state', 'kubeconfig'), PRODUCT_PAGE_SERVICE_BASE_URL: 'http://127.0.0.1:9080' })
    expect(requests).toEqual(['GET /version Bearer secret-staging-chaos', 'GET /apis Bearer secret-staging-chaos'])
    const written = new KubeConfig()
    written.loadFromString(await readFile(cluster.kubeconfigPath, 'utf8'))
    expect(written.getContexts().map((context) => context.name)).toEqual(['staging-chaos'])
    expect(written.getCurrentCluster()?.server).toBe(url)
    expect(cluster.kubeconfig).not.toContain('secret-gke_acme_prod')
  })

  it('leaves the cluster running on stop: no request is sent to it', async () => {
    const KUBECONFIG = await writeConfig('kind', ['kind-chaos'], 'kind-chaos')
    const cluster = await startCluster({ provider: 'existing', env: { KUBECONFIG } })
    requests.length = 0
    await cluster.stop()
    await cluster.stop()
    expect(requests).toEqual([])
  })

  it('follows kubectl: with several KUBECONFIG files the first current-context wins', async () => {
    const first = await writeConfig('first', ['k3s-a'], 'k3s-a')
    const second = await writeConfig('second', ['prod-b'], 'prod-b')
    await using cluster = await startCluster({ provider: 'existing', env: { KUBECONFIG: `${first}:${second}` } })
    expect(cluster.context).toBe('k3s-a')
  })

  it('says how to fix a missing kubeconfig or an unknown context', async () => {
    await expect(startCluster({ provider: 'existing', env: { KUBECONFIG: join(dir, 'nope') } })).rejects.toThrow(
      "existing cluster: no kubeconfig found (KUBECONFIG is '" + join(dir, 'nope') + "' and ~/.kube/config does not exist); set KUBECONFIG to your cluster's kubeconfig file",
    )
    const KUBECONFIG = await writeConfig('one', ['kind-chaos'], 'kind-chaos')
    await expect(startCluster({ provider: 'existing', env: { KUBECONFIG }, context: 'kind-other' })).rejects.toThrow(
      "existing cluster: context 'kind-other' is not in the kubeconfig",
    )
  })

  it('reports an allowed but unreachable cluster with its server address', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const KUBECONFIG = join(dir, 'down')
    await writeFile(KUBECONFIG, kubeconfigFor(`http://127.0.0.1:${port}`, ['kind-down'], 'kind-down'))
    await expect(startCluster({ provider: 'existing', env: { KUBECONFIG } })).rejects.toThrow(
      `existing cluster: context 'kind-down' (http://127.0.0.1:${port}) is not reachable`,
    )
  })
})

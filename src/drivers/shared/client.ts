import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent, type AgentOptions } from 'node:https'
import { homedir } from 'node:os'
import { delimiter, join } from 'node:path'
import { KubeConfig, type RequestContext } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../errors.js'

/** Secrets as the python provider passes them: the named scopes merged into one object. */
export type DriverSecrets = Record<string, unknown> | null | undefined

const lookup = (secrets: DriverSecrets, key: string): string | undefined => {
  const fromSecrets = secrets?.[key]
  if (typeof fromSecrets === 'string' || typeof fromSecrets === 'number' || typeof fromSecrets === 'boolean') return String(fromSecrets)
  return process.env[key]
}

const kubeconfigPath = (given: string | undefined): string => {
  const fromEnv = given ?? process.env.KUBECONFIG
  const first = fromEnv ? fromEnv.split(delimiter).find((entry) => entry.length > 0) : undefined
  return (first ?? join(homedir(), '.kube', 'config')).replace(/^~(?=$|\/)/, homedir())
}

// client-node 1.x builds a new agent, so a new TCP and TLS connection, for every API call (~16 ms each measured).
// Calls with the same TLS settings share one keep-alive agent instead, across KubeConfig instances; proxy agents
// are left as they are. Idle pooled sockets are unref'd by Node, so they never keep a process alive.
const pooledAgents = new Map<string, HttpAgent>()

const poolKeyOf = (agent: HttpAgent): string | undefined => {
  if (agent.constructor !== HttpAgent && agent.constructor !== HttpsAgent) return undefined
  const options = (agent as HttpAgent & { options: AgentOptions }).options
  const hash = createHash('sha256')
  for (const field of [options.ca, options.cert, options.key, options.pfx, options.passphrase, options.servername, options.rejectUnauthorized]) {
    hash.update(`${Array.isArray(field) ? field.map(String).join('\0') : String(field)}\u0001`)
  }
  return `${agent instanceof HttpsAgent ? 'https' : 'http'}:${hash.digest('hex')}`
}

class PooledKubeConfig extends KubeConfig {
  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    await super.applySecurityAuthentication(context)
    const created = context.getAgent()
    const key = created && poolKeyOf(created)
    if (!created || !key) return
    let pooled = pooledAgents.get(key)
    if (!pooled) {
      const options = { ...(created as HttpAgent & { options: AgentOptions }).options, keepAlive: true }
      pooledAgents.set(key, (pooled = created instanceof HttpsAgent ? new HttpsAgent(options) : new HttpAgent(options)))
    }
    context.setAgent(pooled)
  }
}

/**
 * Connects the way chaosk8s' `create_k8s_api_client(secrets)` does: the kubeconfig file (`kubeconfig`, else
 * `KUBECONFIG`, else `~/.kube/config`) when it exists
 * (context `KUBERNETES_CONTEXT` from secrets, then env), in-cluster when `CHAOSTOOLKIT_IN_POD=true`,
 * otherwise `KUBERNETES_HOST` with `KUBERNETES_API_KEY`, cert/key files or username/password.
 *
 * @example
 * const kc = loadKubeConfig({ KUBERNETES_CONTEXT: 'kind-chaos' })
 */
export const loadKubeConfig = (secrets?: DriverSecrets, kubeconfig?: string): KubeConfig => {
  const kc = new PooledKubeConfig()
  const path = kubeconfigPath(kubeconfig)
  if (existsSync(path)) {
    // KUBECONFIG itself may list several files, which only loadFromDefault merges
    if (kubeconfig === undefined || kubeconfig === process.env.KUBECONFIG) kc.loadFromDefault()
    else kc.loadFromFile(path)
    const context = lookup(secrets, 'KUBERNETES_CONTEXT')
    if (context) {
      if (!kc.getContextObject(context)) {
        const known = kc.getContexts().map((c) => c.name).join(', ') || 'none'
        throw new ActivityFailedError(
          `Kubernetes context '${context}' is not in the kubeconfig ${path} (contexts: ${known}); fix KUBERNETES_CONTEXT in the secrets or the environment`,
        )
      }
      kc.setCurrentContext(context)
    }
    return kc
  }
  if (process.env.CHAOSTOOLKIT_IN_POD === 'true') {
    kc.loadFromCluster()
    return kc
  }
  return loadFromEnvironment(kc, secrets)
}

const loadFromEnvironment = (kc: KubeConfig, secrets: DriverSecrets): KubeConfig => {
  const has = (key: string) => lookup(secrets, key) !== undefined
  const server = (lookup(secrets, 'KUBERNETES_HOST') ?? 'http://localhost').replace(/\/+$/, '')
  const verify = has('KUBERNETES_VERIFY_SSL')
  const user: Record<string, string> = { name: 'chaostoolkit' }
  if (has('KUBERNETES_API_KEY')) {
    user.token = lookup(secrets, 'KUBERNETES_API_KEY')!
  } else if (has('KUBERNETES_CERT_FILE')) {
    user.certFile = lookup(secrets, 'KUBERNETES_CERT_FILE')!
    const keyFile = lookup(secrets, 'KUBERNETES_KEY_FILE')
    if (keyFile) user.keyFile = keyFile
  } else if (has('KUBERNETES_USERNAME')) {
    user.username = lookup(secrets, 'KUBERNETES_USERNAME')!
    user.password = lookup(secrets, 'KUBERNETES_PASSWORD') ?? ''
  }
  const caFile = lookup(secrets, 'KUBERNETES_CA_CERT_FILE')
  kc.loadFromOptions({
    clusters: [{ name: 'chaostoolkit', server, skipTLSVerify: !verify, ...(caFile ? { caFile } : {}) }],
    users: [user],
    contexts: [{ name: 'chaostoolkit', cluster: 'chaostoolkit', user: 'chaostoolkit' }],
    currentContext: 'chaostoolkit',
  })
  return kc
}

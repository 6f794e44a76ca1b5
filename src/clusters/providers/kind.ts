import { KubeConfig } from '@kubernetes/client-node'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ClusterError } from '../../errors.js'
import { DEFAULT_KIND_NAME, DEFAULT_READY_TIMEOUT_MS, type ClusterProvider, type CommonClusterOptions, type StopRecordedResult, type RecordedClusterRequest } from '../cluster-provider.js'
import { removeClusterState } from '../cluster-state.js'
import { detectIstio } from '../detect-istio.js'
import { exposeIngressGateway } from '../expose-ingress.js'
import { requireBinary } from '../find-binary.js'
import { installBookinfo } from '../install-bookinfo.js'
import {
  INGRESS_NODE_PORT, istioctlInstallArgs, kindContextName, kindCreateArgs, kindDeleteArgs, kindGetClustersArgs,
  kindGetKubeconfigArgs, kindHostUrlForNodePort, kindNodeCount, parseKindClusters,
} from '../kind-commands.js'
import { clusterAddresses } from '../cluster-addresses.js'
import { makeStartedCluster } from '../make-started-cluster.js'
import { packageRoot } from '../../kube/package-root.js'
import { waitForDeploymentsAvailable, waitForNodesReady } from '../readiness.js'
import { requireDockerDaemon } from '../require-docker-daemon.js'
import { runCommand } from '../run-command.js'
import { openStateDir, writeKubeconfig } from '../state-dir.js'

/** `startCluster({ provider: 'kind' })`. */
export interface KindClusterOptions extends CommonClusterOptions {
  provider: 'kind'
  /** Cluster name (default `chaos`). */
  name?: string
  /** Reuse a running cluster with the same name instead of failing or recreating it (default true). */
  reuse?: boolean
  /** Leave a cluster this call created running when `stop()` is called (default false). */
  keep?: boolean
  /** Path of the kind config (default the package's `kind-config.yaml`). */
  kindConfigPath?: string
  /** Istio profile (default `demo`). */
  istioProfile?: string
}

interface KindRun {
  options: KindClusterOptions
  env: NodeJS.ProcessEnv
  kind: string
  name: string
  configYaml: string
  run: (file: string, args: string[]) => Promise<string>
  timeouts: { timeoutMs: number; provider: string; signal?: AbortSignal }
}

/** Creates the kind cluster unless one with that name runs (and reuse is allowed); true when this call created it. */
const createOrReuse = async ({ options, env, kind, name, run }: KindRun, configPath: string): Promise<boolean> => {
  const running = parseKindClusters(await run(kind, kindGetClustersArgs()))
  if (running.includes(name)) {
    if (options.reuse === false) {
      throw new ClusterError(`kind cluster: '${name}' already exists and reuse is off; delete it with \`kind delete cluster --name ${name}\``, 'kind')
    }
    options.log?.(`reusing the running kind cluster '${name}'`)
    return false
  }
  // a new cluster will need Istio: fail before spending minutes on the create
  if (options.bookinfo !== false) requireBinary('istioctl', env, 'kind')
  options.log?.(`creating kind cluster '${name}' from ${configPath} (first run pulls the node image)`)
  await run(kind, kindCreateArgs({ name, configPath })).catch(async (error: unknown) => {
    // an interrupted create leaves containers behind: kind only cleans up after its own failures
    await runCommand(kind, kindDeleteArgs(name), { provider: 'kind', env }).catch(() => {})
    throw error
  })
  return true
}

/** Installs Istio when the cluster has none, then exposes the ingress gateway on the mapped NodePort. */
const ensureIstio = async (kc: KubeConfig, kubeconfigPath: string, context: KindRun): Promise<void> => {
  if (!(await detectIstio(kc, 'kind cluster')).istio) {
    const istioctl = requireBinary('istioctl', context.env, 'kind')
    const profile = context.options.istioProfile ?? 'demo'
    context.options.log?.(`installing Istio (profile ${profile})`)
    await context.run(istioctl, istioctlInstallArgs({ kubeconfigPath, profile }))
  }
  await waitForDeploymentsAvailable(kc, 'istio-system', 1, context.timeouts)
  await exposeIngressGateway(kc, INGRESS_NODE_PORT, 'kind')
}

/** `cluster down` for kind: `kind delete cluster` with the given name, else the recorded one, else `chaos`. */
const deleteRecordedKindCluster = async ({ stateDir, state, name: given, env, signal, log }: RecordedClusterRequest): Promise<StopRecordedResult> => {
  const name = given ?? (state?.provider === 'kind' ? state.name : DEFAULT_KIND_NAME)
  await runCommand(requireBinary('kind', env, 'kind'), kindDeleteArgs(name), { provider: 'kind', env, ...(signal ? { signal } : {}), ...(log ? { log } : {}) })
  await removeClusterState(stateDir)
  return { stopped: true, message: `kind cluster '${name}' deleted` }
}

/** A kind cluster (`kind-config.yaml`: 1 control plane + 3 workers), with Istio and bookinfo installed from `fixtures/`. */
export const kindProvider: ClusterProvider<KindClusterOptions> = {
  name: 'kind',
  lifetime: 'detached',
  stopRecorded: deleteRecordedKindCluster,
  async start(options) {
    const env = options.env ?? process.env
    const kind = requireBinary('kind', env, 'kind')
    await requireDockerDaemon(env, 'kind', options.signal)
    const configPath = options.kindConfigPath ?? join(packageRoot(), 'kind-config.yaml')
    const configYaml = await readFile(configPath, 'utf8').catch((error: unknown) => {
      throw new ClusterError(`kind cluster: cannot read the kind config ${configPath}: ${(error as Error).message}`, 'kind', { cause: error })
    })
    const signal = options.signal
    const context: KindRun = {
      options, env, kind, configYaml, name: options.name ?? DEFAULT_KIND_NAME,
      run: (file, args) => runCommand(file, args, { provider: 'kind', env, ...(signal ? { signal } : {}), ...(options.log ? { log: options.log } : {}) }),
      timeouts: { timeoutMs: options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS, provider: 'kind', ...(signal ? { signal } : {}) },
    }
    const created = await createOrReuse(context, configPath)
    const state = await openStateDir(options.stateDir)
    const remove = async () => {
      if (created && !options.keep) await runCommand(kind, kindDeleteArgs(context.name), { provider: 'kind', env })
      await state.remove()
    }
    try {
      return await finishKindStart(context, state.path, remove)
    } catch (error) {
      await remove().catch(() => {})
      throw error
    }
  },
}

const finishKindStart = async (context: KindRun, stateDir: string, remove: () => Promise<void>) => {
  const { options, name } = context
  const kubeconfig = await context.run(context.kind, kindGetKubeconfigArgs(name))
  const kubeconfigPath = await writeKubeconfig(stateDir, kubeconfig)
  const kc = new KubeConfig()
  kc.loadFromString(kubeconfig)
  options.log?.('waiting for every node to be Ready')
  await waitForNodesReady(kc, kindNodeCount(context.configYaml), context.timeouts)
  const withBookinfo = options.bookinfo !== false
  if (withBookinfo) {
    await ensureIstio(kc, kubeconfigPath, context)
    await installBookinfo(kc, { ...context.timeouts, istio: true, ...(options.log ? { log: options.log } : {}) })
  }
  const productPage = withBookinfo ? kindHostUrlForNodePort(context.configYaml, INGRESS_NODE_PORT) : undefined
  return makeStartedCluster(
    {
      provider: 'kind',
      name,
      kubeconfig,
      kubeconfigPath,
      context: kindContextName(name),
      ...clusterAddresses(kc.getCurrentCluster()?.server ?? '', kubeconfigPath, productPage),
      istio: withBookinfo,
      ...(withBookinfo ? {} : { istioUnavailableReason: 'the kind cluster was started without bookinfo, so Istio was not installed' }),
    },
    remove,
  )
}

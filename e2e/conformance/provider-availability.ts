// Why a provider cannot run on this machine, or undefined when it can; the suite prints the reason.
import { findBinary } from '../../src/clusters/find-binary.js'
import { requireDockerDaemon } from '../../src/clusters/require-docker-daemon.js'
import type { ClusterProviderName } from '../../src/clusters/started-cluster.js'

const dockerUnavailable = async (provider: string): Promise<string | undefined> =>
  requireDockerDaemon(process.env, provider).then(() => undefined, (error: Error) => error.message)

/** Real clusters take minutes: they run when CHAOS_CLUSTER names them or CHAOS_CONFORMANCE=all. */
const notSelected = (provider: ClusterProviderName) =>
  process.env.CHAOS_CLUSTER === provider || process.env.CHAOS_CONFORMANCE === 'all'
    ? undefined
    : `the ${provider} provider runs only when CHAOS_CLUSTER=${provider} or CHAOS_CONFORMANCE=all`

export const kindUnavailable = async (): Promise<string | undefined> => {
  if (!findBinary('kind', process.env)) return '`kind` is not on PATH'
  if (!findBinary('istioctl', process.env)) return '`istioctl` is not on PATH'
  return (await dockerUnavailable('kind')) ?? notSelected('kind')
}

export const k3sUnavailable = async (): Promise<string | undefined> => (await dockerUnavailable('k3s')) ?? notSelected('k3s')

export const existingUnavailable = (): string | undefined =>
  process.env.CHAOS_CLUSTER === 'existing'
    ? undefined
    : 'the existing provider runs only when CHAOS_CLUSTER=existing, with KUBECONFIG on an allowed context (CHAOS_ALLOWED_CONTEXTS) that has bookinfo and PRODUCT_PAGE_SERVICE_BASE_URL set'

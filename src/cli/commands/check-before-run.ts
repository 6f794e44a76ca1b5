import { isContextAllowed, parseAllowedContexts } from '../../clusters/allowed-contexts.js'
import { forEachActivity } from '../../experiment/walk-activities.js'
import type { LogLevel } from '../output/format-log-line.js'

const CLUSTER_MODULES = /^(chaosk8s|chaosistio)(\.|$)/

const touchesCluster = (document: unknown): boolean => {
  let found = false
  forEachActivity(document, (activity) => {
    const module = (activity as { provider?: { type?: unknown; module?: unknown } } | null)?.provider?.module
    if (typeof module === 'string' && CLUSTER_MODULES.test(module)) found = true
  })
  return found
}

/**
 * `vitest-chaos run`'s look before it breaks: an experiment with chaosk8s or chaosistio activities first checks the
 * current KUBECONFIG context (when the allow-list accepts it) for faults dead runs left, and stops naming them.
 *
 * @example
 * await checkClusterBeforeRun(loaded.document, log)
 */
export const checkClusterBeforeRun = async (document: unknown, log: (level: LogLevel, message: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<void> => {
  if (!touchesCluster(document)) return
  // loaded here, so a run without Kubernetes activities never loads client-node
  const [{ loadKubeconfig }, { checkLeftoverFaults }] = await Promise.all([import('../../clusters/load-kubeconfig.js'), import('../../drivers/recovery/check-leftover-faults.js')])
  let kc
  try {
    kc = loadKubeconfig(env)
  } catch {
    return // no kubeconfig: the drivers will say so if they need one
  }
  const context = kc.getCurrentContext()
  if (!isContextAllowed(context, parseAllowedContexts(env.CHAOS_ALLOWED_CONTEXTS))) {
    log('warning', `not checking context '${context}' for faults left by earlier runs: it is not in CHAOS_ALLOWED_CONTEXTS`)
    return
  }
  await checkLeftoverFaults(kc, { where: `context '${context}'`, env, log: (line) => log('warning', line) })
}

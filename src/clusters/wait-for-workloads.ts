import { CoreV1Api, type KubeConfig, type KubernetesObject, type V1ContainerStatus, type V1Pod } from '@kubernetes/client-node'
import { ClusterError } from '../errors.js'
import { type ReadinessOptions, waitForDeploymentsAvailable, waitForObjects } from './readiness.js'

/** A Deployment, StatefulSet or ReplicaSet from a manifest: how many ready pods it wants, and which pods are its. */
export interface Workload {
  kind: string
  namespace: string
  name: string
  replicas: number
  matchLabels: Record<string, string>
}

/** Waiting reasons that will not fix themselves while we wait. */
const STUCK = new Set(['CrashLoopBackOff', 'CreateContainerConfigError', 'ErrImagePull', 'ImagePullBackOff', 'InvalidImageName'])

interface StuckContainer {
  pod: V1Pod
  status: V1ContainerStatus
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet'])

/** The workloads among manifest objects (namespace already filled in). */
export const workloadsOf = (objects: readonly KubernetesObject[]): Workload[] =>
  objects.filter((object) => WORKLOAD_KINDS.has(object.kind ?? '')).map((object) => {
    const spec = (object as { spec?: { replicas?: number; selector?: { matchLabels?: Record<string, string> } } }).spec
    return { kind: object.kind ?? '', namespace: object.metadata?.namespace ?? 'default', name: object.metadata?.name ?? '?', replicas: spec?.replicas ?? 1, matchLabels: spec?.selector?.matchLabels ?? {} }
  })

const isReady = (pod: V1Pod) => pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false
const owns = (workload: Workload, pod: V1Pod) =>
  pod.metadata?.namespace === workload.namespace && Object.entries(workload.matchLabels).every(([key, value]) => pod.metadata?.labels?.[key] === value)

const findStuck = (workloads: readonly Workload[], pods: V1Pod[]): StuckContainer | undefined => {
  for (const pod of pods) {
    if (!workloads.some((workload) => owns(workload, pod)) || pod.metadata?.deletionTimestamp) continue
    const status = pod.status?.containerStatuses?.find((candidate) => STUCK.has(candidate.state?.waiting?.reason ?? ''))
    if (status) return { pod, status }
  }
  return undefined
}

const lastLogLines = async (kc: KubeConfig, pod: V1Pod, container: string): Promise<string> => {
  const log = await kc.makeApiClient(CoreV1Api)
    .readNamespacedPodLog({ name: pod.metadata?.name ?? '', namespace: pod.metadata?.namespace ?? '', container, previous: true, tailLines: 10 })
    .catch(() => '')
  return log.trim() ? `; last log lines (kubectl logs --previous):\n${log.trimEnd().split('\n').map((line) => `    ${line}`).join('\n')}` : ''
}

/** `pod bookinfo/shop-… container shop: CrashLoopBackOff, exit code 1 (Error) …` with the last lines of its previous run. */
const describeStuck = async (kc: KubeConfig, { pod, status }: StuckContainer): Promise<string> => {
  const waiting = status.state?.waiting
  const terminated = status.lastState?.terminated
  const exit = terminated ? `, exit code ${terminated.exitCode} (${terminated.reason ?? 'Error'}${terminated.message ? `: ${terminated.message}` : ''})` : ''
  const detail = !terminated && waiting?.message ? `: ${waiting.message}` : ''
  return `pod ${pod.metadata?.namespace}/${pod.metadata?.name} container ${status.name}: ${waiting?.reason}${exit}${detail}, restarted ${status.restartCount} time(s)${await lastLogLines(kc, pod, status.name)}`
}

/**
 * Waits, by watching pods, until every workload has its replicas Ready; fails at once, naming the pod, its exit code
 * and its last log lines, when one of their containers is crash-looping or cannot start.
 */
export const waitForWorkloadsReady = async (kc: KubeConfig, workloads: readonly Workload[], options: ReadinessOptions): Promise<void> => {
  if (workloads.length === 0) return
  let stuck: StuckContainer | undefined
  // during a rollout the new pods exist and are not Ready yet: every live pod must be Ready, and enough of them
  const missing = (pods: V1Pod[]) => workloads.filter((workload) => {
    const live = pods.filter((pod) => owns(workload, pod) && !pod.metadata?.deletionTimestamp)
    return live.length < workload.replicas || !live.every(isReady)
  })
  await waitForObjects<V1Pod>(kc, '/api/v1/pods', {
    isDone: (pods) => (stuck = findStuck(workloads, pods)) !== undefined || missing(pods).length === 0,
    describe: (pods) => `not all replicas Ready: ${missing(pods).map((workload) => `${workload.namespace}/${workload.name}`).join(', ')}`,
  }, options)
  if (stuck) throw new ClusterError(`${options.provider} cluster: ${await describeStuck(kc, stuck)}`, options.provider)
  // a Deployment applied twice (a second version after the first) is one Deployment
  const deployments = new Map<string, Set<string>>()
  for (const workload of workloads.filter((candidate) => candidate.kind === 'Deployment')) deployments.set(workload.namespace, (deployments.get(workload.namespace) ?? new Set()).add(workload.name))
  for (const [namespace, names] of deployments) await waitForDeploymentsAvailable(kc, namespace, names.size, options)
}

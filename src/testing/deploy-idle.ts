// Test support: a deployment of idle pods (image `idle`, as startDriverCluster() maps it), and the wait until it is ready.
import type { AppsV1Api, CoreV1Api } from '@kubernetes/client-node'
import { expect, vi } from 'vitest'

type Clients = { apps: AppsV1Api; core: CoreV1Api }

const liveCount = async ({ core }: Clients, namespace: string, name: string) =>
  (await core.listNamespacedPod({ namespace, labelSelector: `app=${name}` })).items.filter((pod) => !pod.metadata?.deletionTimestamp).length

/**
 * Waits until deployment `name` has `replicas` ready replicas and exactly that many live (not terminating) pods.
 * `vi.waitFor`, not `expect.poll`, so it also works in `beforeAll`.
 *
 * @example
 * await waitForDeploymentReady(driver, 'pod-actions', 'ratings-v2', 6)
 */
export const waitForDeploymentReady = (clients: Clients, namespace: string, name: string, replicas: number): Promise<void> =>
  vi.waitFor(async () => {
    const ready = (await clients.apps.readNamespacedDeployment({ name, namespace })).status?.readyReplicas
    expect({ ready, live: await liveCount(clients, namespace, name) }).toEqual({ ready: replicas, live: replicas })
  }, { timeout: 20_000, interval: 50 })

/**
 * Creates deployment `name` of `replicas` idle pods labelled `app: <name>`, `podSpec` merged over the pod spec
 * (grace period 30 s by default), and waits until they are all ready.
 *
 * @example
 * await deployIdle(driver, 'node-actions', 'scratch', 3, { terminationGracePeriodSeconds: 1, volumes: [{ name: 'tmp', emptyDir: {} }] })
 */
export const deployIdle = async (clients: Clients, namespace: string, name: string, replicas: number, podSpec: Record<string, unknown> = {}): Promise<void> => {
  await clients.apps.createNamespacedDeployment({
    namespace,
    body: {
      metadata: { name },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'main', image: 'idle:1' }], ...podSpec },
        },
      },
    },
  })
  await waitForDeploymentReady(clients, namespace, name, replicas)
}

// Test support: runs every Deployment's pods as programs, the way the kubelet does, without controllers.
import type { PodNetwork } from '../../pod-network.js'
import type { KubeObject } from '../../store/kube-object.js'
import type { Store } from '../../store/store.js'
import { fetchOverCall } from '../../workloads/fetch-over-call.js'
import { imageName, type ProgramRegistry, type RunningProgram } from '../../workloads/program.js'
import type { Mesh } from '../create-mesh.js'

interface Container {
  name: string
  image: string
  env?: { name: string; value?: string }[]
  ports?: { containerPort: number }[]
}

interface DeploymentShape {
  spec: { replicas?: number; template: { metadata?: { labels?: Record<string, string> }; spec: { containers: Container[] } } }
}

export interface TestPod {
  pod: KubeObject
  programs: RunningProgram[]
}

export interface TestPods {
  byName: Map<string, TestPod>
  /** Pods of one Deployment, by name prefix. */
  of(deployment: string): TestPod[]
  /** The process dies but the pod still looks Ready: its endpoint refuses connections. */
  crash(podName: string): Promise<void>
  /** The pod is gone from the cluster (and its process stopped). */
  remove(podName: string): Promise<void>
  stopAll(): Promise<void>
}

const READY = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }

/** `inThread: false` registers only the pods' loopback ports, so the mesh reaches every program through a socket. */
export const startTestPods = async (
  store: Store,
  network: PodNetwork,
  mesh: Pick<Mesh, 'outboundCall'>,
  programs: ProgramRegistry,
  options: { inThread?: boolean } = {},
): Promise<TestPods> => {
  const byName = new Map<string, TestPod>()
  for (const deployment of store.list('apps/deployments')) {
    const { spec } = deployment as unknown as DeploymentShape
    for (let index = 0; index < (spec.replicas ?? 1); index += 1) {
      const name = `${deployment.metadata.name}-5d4b7c9f8-${'bcdfg'[index % 5]}${index}xyz`
      const pod = store.create('pods', {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: deployment.metadata.namespace, labels: spec.template.metadata?.labels ?? {} },
        spec: spec.template.spec,
        status: READY,
      })
      const running: RunningProgram[] = []
      const call = mesh.outboundCall(pod)
      for (const container of spec.template.spec.containers) {
        const program = programs.get(imageName(container.image))
        if (!program) throw new Error(`no program for image ${container.image}`)
        const env = Object.fromEntries((container.env ?? []).map((entry) => [entry.name, entry.value ?? '']))
        const started = await program({
          podName: name,
          namespace: pod.metadata.namespace ?? 'default',
          containerName: container.name,
          image: container.image,
          env: { ...env, HOSTNAME: name },
          containerPorts: (container.ports ?? []).map((port) => port.containerPort),
          log: () => undefined,
          call,
          fetch: fetchOverCall(call),
        })
        for (const [containerPort, hostPort] of Object.entries(started.ports)) {
          network.register(pod.metadata.uid ?? '', Number(containerPort), hostPort, options.inThread === false ? undefined : started.inThread?.[Number(containerPort)])
        }
        running.push(started)
      }
      byName.set(name, { pod, programs: running })
    }
  }
  const stop = async (name: string) => {
    await Promise.all(byName.get(name)?.programs.splice(0).map((program) => program.stop()) ?? [])
  }
  return {
    byName,
    of: (deployment) => [...byName.values()].filter(({ pod }) => pod.metadata.name?.startsWith(`${deployment}-`)),
    crash: stop,
    remove: async (name) => {
      const pod = byName.get(name)?.pod
      if (pod) store.remove('pods', pod.metadata.namespace, name)
      await stop(name)
      network.unregister(pod?.metadata.uid ?? '')
    },
    stopAll: async () => {
      await Promise.all([...byName.keys()].map(stop))
    },
  }
}

// The nodes of the emulated cluster, as kind creates them from kind-config.yaml (1 control plane + 3 workers).
import { createHash } from 'node:crypto'
import type { KubeObject } from '../store/kube-object.js'

export const CLUSTER_NAME = 'chaos'
export const KUBERNETES_VERSION = 'v1.24.0'
export const CONTROL_PLANE = `${CLUSTER_NAME}-control-plane`
export const WORKERS = [`${CLUSTER_NAME}-worker`, `${CLUSTER_NAME}-worker2`, `${CLUSTER_NAME}-worker3`]

const hex = (seed: string, length: number) => createHash('sha256').update(seed).digest('hex').slice(0, length)

const condition = (type: string, status: string, reason: string, message: string, at: string) => ({
  type,
  status,
  lastHeartbeatTime: at,
  lastTransitionTime: at,
  reason,
  message,
})

/** A full Node object: labels, podCIDR, providerID, conditions, capacity and nodeInfo as a kind node reports them. */
export const nodeObject = (name: string, index: number, now: string): KubeObject => {
  const controlPlane = name === CONTROL_PLANE
  const resources = { cpu: '2', 'ephemeral-storage': '61202244Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8148992Ki', pods: '110' }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      providerID: `kind://docker/${CLUSTER_NAME}/${name}`,
      ...(controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
    },
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', now),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', now),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', now),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', now),
      ],
      addresses: [
        { type: 'InternalIP', address: `172.18.0.${index + 2}` },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: hex(`machine-${name}`, 32),
        systemUUID: `${hex(`uuid-${name}`, 8)}-${hex(`uuid2-${name}`, 4)}-${hex(`uuid3-${name}`, 4)}-${hex(`uuid4-${name}`, 4)}-${hex(`uuid5-${name}`, 12)}`,
        bootID: `${hex(`boot-${name}`, 8)}-${hex(`boot2-${name}`, 4)}-${hex(`boot3-${name}`, 4)}-${hex(`boot4-${name}`, 4)}-${hex(`boot5-${name}`, 12)}`,
        kernelVersion: '6.8.0-emulated',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://1.7.24',
        kubeletVersion: KUBERNETES_VERSION,
        kubeProxyVersion: KUBERNETES_VERSION,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: [],
    },
  }
}

export const allNodeNames = (): string[] => [CONTROL_PLANE, ...WORKERS]

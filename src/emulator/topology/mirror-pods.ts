// Static control-plane pods the kubelet mirrors into kube-system, owned by the control-plane Node.
import { createHash } from 'node:crypto'
import type { KubeObject } from '../store/kube-object.js'
import { KUBERNETES_VERSION } from './cluster-nodes.js'

const COMPONENTS: { name: string; image: string; command: string[] }[] = [
  { name: 'etcd', image: 'registry.k8s.io/etcd:3.5.3-0', command: ['etcd', '--data-dir=/var/lib/etcd'] },
  { name: 'kube-apiserver', image: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`, command: ['kube-apiserver', '--secure-port=6443'] },
  { name: 'kube-controller-manager', image: `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`, command: ['kube-controller-manager', '--leader-elect=true'] },
  { name: 'kube-scheduler', image: `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`, command: ['kube-scheduler', '--leader-elect=true'] },
]

/** `etcd-chaos-control-plane`, `kube-apiserver-chaos-control-plane`, …: host-network, bound, `kubernetes.io/config.mirror` annotated. */
export const mirrorPods = (node: KubeObject): KubeObject[] =>
  COMPONENTS.map(({ name, image, command }) => {
    const hash = createHash('md5').update(`${name}${node.metadata.name}`).digest('hex')
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${name}-${node.metadata.name}`,
        namespace: 'kube-system',
        labels: { component: name, tier: 'control-plane' },
        annotations: { 'kubernetes.io/config.hash': hash, 'kubernetes.io/config.mirror': hash, 'kubernetes.io/config.seen': new Date().toISOString(), 'kubernetes.io/config.source': 'file' },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name ?? '', uid: node.metadata.uid ?? '', controller: true }],
      },
      spec: {
        containers: [{ name, image, command, imagePullPolicy: 'IfNotPresent', resources: {} }],
        nodeName: node.metadata.name,
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
        priority: 2000001000,
        automountServiceAccountToken: false,
        tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      },
    }
  })

// kube-system as kind installs it: kube-proxy and kindnet on every node, CoreDNS ×2 behind kube-dns, plus the `kubernetes` Service.
import type { KubeObject } from '../store/kube-object.js'
import { KUBERNETES_VERSION } from './cluster-nodes.js'

const daemonSet = (name: string, image: string, extra: { tolerations: object[]; command: string[] }): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name, namespace: 'kube-system', labels: { 'k8s-app': name }, annotations: { 'deprecated.daemonset.template.generation': '1' } },
  spec: {
    selector: { matchLabels: { 'k8s-app': name } },
    template: {
      metadata: { labels: { 'k8s-app': name } },
      spec: {
        containers: [{ name, image, command: extra.command, securityContext: { privileged: true } }],
        hostNetwork: true,
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        priorityClassName: 'system-node-critical',
        serviceAccountName: name,
        tolerations: extra.tolerations,
      },
    },
  },
})

const coreDns: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
    template: {
      metadata: { labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        containers: [
          {
            name: 'coredns',
            image: 'registry.k8s.io/coredns/coredns:v1.8.6',
            args: ['-conf', '/etc/coredns/Corefile'],
            ports: [
              { name: 'dns', containerPort: 53, protocol: 'UDP' },
              { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
              { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
            ],
            livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, periodSeconds: 10, successThreshold: 1, failureThreshold: 5 },
            readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          },
        ],
        dnsPolicy: 'Default',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        priorityClassName: 'system-cluster-critical',
        serviceAccountName: 'coredns',
        tolerations: [
          { key: 'CriticalAddonsOnly', operator: 'Exists' },
          { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' },
          { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
        ],
      },
    },
  },
}

const service = (name: string, namespace: string, spec: object, labels?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace, ...(labels ? { labels } : {}) },
  spec,
})

/** Objects to create in order (ServiceAccounts before the workloads that name them). */
export const systemWorkloads = (): { key: string; object: KubeObject }[] => [
  ...['kube-proxy', 'kindnet', 'coredns'].map((name) => ({
    key: 'serviceaccounts',
    object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'kube-system' } },
  })),
  {
    key: 'services',
    object: service('kubernetes', 'default', { ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], clusterIP: '10.96.0.1' }, { component: 'apiserver', provider: 'kubernetes' }),
  },
  {
    key: 'services',
    object: service(
      'kube-dns',
      'kube-system',
      {
        clusterIP: '10.96.0.10',
        selector: { 'k8s-app': 'kube-dns' },
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
      { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
    ),
  },
  {
    key: 'apps/daemonsets',
    object: daemonSet('kube-proxy', `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`, {
      command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
      tolerations: [{ operator: 'Exists' }],
    }),
  },
  {
    key: 'apps/daemonsets',
    object: daemonSet('kindnet', 'docker.io/kindest/kindnetd:v20220510-4929dd75', {
      command: ['/bin/kindnetd'],
      tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
    }),
  },
  { key: 'apps/deployments', object: coreDns },
]

/** The `kubernetes` Service's Endpoints: the API server on the control-plane node. */
export const kubernetesEndpoints = (): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
  subsets: [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
})

/** The `kubernetes` Service's EndpointSlice, as the API server's endpoint reconciler writes it (no controller label, only `ready`). */
export const kubernetesEndpointSlice = (): KubeObject => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'kubernetes', namespace: 'default', generation: 1, labels: { 'kubernetes.io/service-name': 'kubernetes' } },
  addressType: 'IPv4',
  endpoints: [{ addresses: ['172.18.0.2'], conditions: { ready: true } }],
  ports: [{ name: 'https', protocol: 'TCP', port: 6443 }],
})

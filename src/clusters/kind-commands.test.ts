import { describe, expect, it } from 'vitest'
import {
  istioctlInstallArgs, kindContextName, kindCreateArgs, kindDeleteArgs, kindGetKubeconfigArgs, kindHostUrlForNodePort,
  kindNodeCount, parseKindClusters,
} from './kind-commands.js'

const config = `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
name: chaos
nodes:
- role: control-plane
  extraPortMappings:
  - containerPort: 30080
    hostPort: 8080
    listenAddress: "127.0.0.1"
    protocol: TCP
- role: worker
- role: worker
- role: worker
`

describe('kind commands', () => {
  it('creates with the name, the config and a control-plane wait', () => {
    expect(kindCreateArgs({ name: 'chaos', configPath: '/repo/kind-config.yaml' })).toEqual([
      'create', 'cluster', '--name', 'chaos', '--config', '/repo/kind-config.yaml', '--wait', '5m',
    ])
    expect(kindCreateArgs({ name: 'x', configPath: 'k.yaml', wait: '1m', nodeImage: 'kindest/node:v1.36.1' })).toEqual([
      'create', 'cluster', '--name', 'x', '--config', 'k.yaml', '--wait', '1m', '--image', 'kindest/node:v1.36.1',
    ])
  })

  it('reads the kubeconfig and deletes by name', () => {
    expect(kindGetKubeconfigArgs('chaos')).toEqual(['get', 'kubeconfig', '--name', 'chaos'])
    expect(kindDeleteArgs('chaos')).toEqual(['delete', 'cluster', '--name', 'chaos'])
    expect(kindContextName('chaos')).toBe('kind-chaos')
  })

  it('installs Istio against the written kubeconfig', () => {
    expect(istioctlInstallArgs({ kubeconfigPath: '/s/kubeconfig', profile: 'demo' })).toEqual([
      'install', '--kubeconfig', '/s/kubeconfig', '--set', 'profile=demo', '-y',
    ])
    expect(istioctlInstallArgs({ kubeconfigPath: 'k', profile: 'minimal' })).toContain('components.ingressGateways[0].enabled=true')
  })
})

describe('parseKindClusters', () => {
  it('reads one name per line', () => {
    expect(parseKindClusters('chaos\nkind\n')).toEqual(['chaos', 'kind'])
  })

  it('reads "No kind clusters found." as none', () => {
    expect(parseKindClusters('No kind clusters found.\n')).toEqual([])
    expect(parseKindClusters('')).toEqual([])
  })
})

describe('the kind config', () => {
  it('maps NodePort 30080 to the host port on 127.0.0.1', () => {
    expect(kindHostUrlForNodePort(config, 30080)).toBe('http://127.0.0.1:8080')
    expect(kindHostUrlForNodePort(config, 30081)).toBeUndefined()
  })

  it('treats a 0.0.0.0 listen address as reachable on 127.0.0.1', () => {
    const open = config.replace('listenAddress: "127.0.0.1"', 'listenAddress: "0.0.0.0"')
    expect(kindHostUrlForNodePort(open, 30080)).toBe('http://127.0.0.1:8080')
  })

  it('counts the nodes to wait for', () => {
    expect(kindNodeCount(config)).toBe(4)
    expect(kindNodeCount('kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n')).toBe(1)
  })
})

import { KubeConfig } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import { ingressNodePortPatch } from './expose-ingress.js'
import { renameKubeconfigContext } from './rename-kubeconfig-context.js'

const k3sKubeconfig = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: Q0E=
    server: https://localhost:32771
  name: default
contexts:
- context:
    cluster: default
    user: default
  name: default
current-context: default
kind: Config
preferences: {}
users:
- name: default
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
`

describe('renameKubeconfigContext', () => {
  it("renames k3s's default context, cluster and user, keeping server and credentials", () => {
    const kc = new KubeConfig()
    kc.loadFromString(renameKubeconfigContext(k3sKubeconfig, 'k3s-chaos'))
    expect(kc.getCurrentContext()).toBe('k3s-chaos')
    expect(kc.getCurrentCluster()).toMatchObject({ name: 'k3s-chaos', server: 'https://localhost:32771', caData: 'Q0E=' })
    expect(kc.getCurrentUser()).toMatchObject({ name: 'k3s-chaos', certData: 'Q0VSVA==', keyData: 'S0VZ' })
  })
})

describe('ingressNodePortPatch', () => {
  it('keeps port 80 of the gateway and pins its NodePort (strategic merge by port)', () => {
    expect(ingressNodePortPatch(30080)).toEqual({ spec: { type: 'NodePort', ports: [{ name: 'http2', port: 80, nodePort: 30080 }] } })
  })
})

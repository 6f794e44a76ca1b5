// The kubeconfig of an emulated cluster: one cluster, user and context, all named `emulated`.
import { stringify } from 'yaml'

export const EMULATED_CONTEXT = 'emulated'

/**
 * Kubeconfig YAML for `server` with a bearer token and `insecure-skip-tls-verify` (the emulator's certificate is self-signed;
 * client-node ≥ 1.1.2 also needs the flag for plain http).
 *
 * @example
 * kubeconfigFor('http://127.0.0.1:41234', 'token') // "apiVersion: v1\nkind: Config\n…"
 */
export const kubeconfigFor = (server: string, token: string): string =>
  stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: EMULATED_CONTEXT, cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: EMULATED_CONTEXT, user: { token } }],
    contexts: [{ name: EMULATED_CONTEXT, context: { cluster: EMULATED_CONTEXT, user: EMULATED_CONTEXT, namespace: 'default' } }],
    'current-context': EMULATED_CONTEXT,
    preferences: {},
  })

import { KubeConfig } from '@kubernetes/client-node'
import { stringify } from 'yaml'

/** Kubeconfig YAML holding only the current context, its cluster and its user (no other credentials leak). */
export const singleContextKubeconfig = (kc: KubeConfig): string => {
  const context = kc.getContextObject(kc.getCurrentContext())
  const cluster = kc.getCurrentCluster()
  const user = kc.getCurrentUser()
  const narrow = new KubeConfig()
  narrow.loadFromOptions({
    clusters: cluster ? [cluster] : [],
    users: user ? [user] : [],
    contexts: context ? [context] : [],
    currentContext: kc.getCurrentContext(),
  })
  return stringify(JSON.parse(narrow.exportConfig()))
}

import { parse, stringify } from 'yaml'

interface Named { name?: string; cluster?: Record<string, unknown>; user?: unknown; context?: Record<string, unknown> }
interface KubeconfigDocument { clusters?: Named[]; users?: Named[]; contexts?: Named[]; 'current-context'?: string }

/** Renames the current context, its cluster and its user to `name` (k3s calls all three `default`). */
export const renameKubeconfigContext = (kubeconfig: string, name: string): string => {
  const document = parse(kubeconfig) as KubeconfigDocument
  const current = document.contexts?.find((context) => context.name === document['current-context'])
  if (!current?.context) return kubeconfig
  const { cluster, user } = current.context as { cluster?: string; user?: string }
  for (const entry of document.clusters ?? []) if (entry.name === cluster) entry.name = name
  for (const entry of document.users ?? []) if (entry.name === user) entry.name = name
  current.name = name
  current.context = { ...current.context, cluster: name, user: name }
  document['current-context'] = name
  return stringify(document)
}

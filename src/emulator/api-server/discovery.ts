// Legacy discovery documents (/api, /apis, /api/v1, /apis/<g>/<v>); 1.24 has no aggregated discovery.
import { API_GROUPS, RESOURCES } from '../registry/resource-table.js'
import { apiVersionOf } from '../registry/resource-definition.js'

const groupVersion = (group: string, version: string) => ({ groupVersion: apiVersionOf(group, version), version })

export const apiVersions = (serverAddress: string) => ({
  kind: 'APIVersions',
  versions: ['v1'],
  serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
})

export const apiGroup = (name: string) => {
  const versions = API_GROUPS.find((group) => group.name === name)!.versions
  return {
    name,
    versions: versions.map((version) => groupVersion(name, version)),
    preferredVersion: groupVersion(name, versions[0]!),
  }
}

export const apiGroupList = () => ({ kind: 'APIGroupList', apiVersion: 'v1', groups: API_GROUPS.map((group) => apiGroup(group.name)) })

export const apiGroupDocument = (name: string) => ({ kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(name) })

/** APIResourceList of one group-version: resources and their subresources, sorted by name; core has no apiVersion. */
export const apiResourceList = (group: string, version: string) => {
  const entries = RESOURCES.filter((resource) => resource.group === group && resource.versions.includes(version))
    .flatMap((resource) => [
      {
        name: resource.plural,
        singularName: resource.custom ? resource.kind.toLowerCase() : '',
        namespaced: resource.namespaced,
        kind: resource.kind,
        verbs: resource.verbs,
        ...(resource.shortNames ? { shortNames: resource.shortNames } : {}),
        ...(resource.categories ? { categories: resource.categories } : {}),
        storageVersionHash: resource.storageVersionHash,
      },
      ...resource.subresources.map((sub) => ({
        name: `${resource.plural}/${sub.name}`,
        singularName: '',
        namespaced: resource.namespaced,
        ...(sub.group !== undefined ? { group: sub.group, version: sub.version } : {}),
        kind: sub.kind ?? resource.kind,
        verbs: sub.verbs,
      })),
    ])
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return {
    kind: 'APIResourceList',
    ...(group ? { apiVersion: 'v1' } : {}),
    groupVersion: apiVersionOf(group, version),
    resources: entries,
  }
}

export const versionInfo = () => ({
  major: '1',
  minor: '24',
  gitVersion: 'v1.24.0-vitest-chaos',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.19.8',
  compiler: 'gc',
  platform: 'linux/amd64',
})

const READY_CHECKS = ['ping', 'log', 'etcd', 'informer-sync', 'poststarthook/generic-apiserver-start-informers']

/** `/healthz`, `/readyz`, `/livez`: `ok`, or with `?verbose` one `[+]<check> ok` line per check. */
export const healthText = (endpoint: string, verbose: boolean): string => {
  if (!verbose) return 'ok'
  const checks = endpoint === 'readyz' ? [...READY_CHECKS, 'shutdown'] : READY_CHECKS
  return `${checks.map((check) => `[+]${check} ok`).join('\n')}\n${endpoint} check passed\n`
}

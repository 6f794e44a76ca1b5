// The 403 an unauthenticated request gets: anonymous auth is on, and system:anonymous may do nothing.
import { parsePath } from './parse-path.js'
import { qualifiedName } from '../registry/resource-definition.js'
import { ApiError, failure } from '../registry/status.js'

const verbOf = (method: string, hasName: boolean, watch: boolean): string => {
  if (method === 'GET') return watch ? 'watch' : hasName ? 'get' : 'list'
  if (method === 'POST') return 'create'
  if (method === 'PUT') return 'update'
  if (method === 'PATCH') return 'patch'
  if (method === 'DELETE') return hasName ? 'delete' : 'deletecollection'
  return method.toLowerCase()
}

export const anonymousForbidden = (method: string, url: URL): ApiError => {
  const target = parsePath(url.pathname)
  const user = 'User "system:anonymous"'
  if (target.type !== 'resource') {
    return new ApiError(failure(403, 'Forbidden', `forbidden: ${user} cannot ${method.toLowerCase()} path "${url.pathname}"`, {}))
  }
  const { resource, namespace, name, subresource } = target
  const watch = target.watchPath || ['true', '1'].includes(url.searchParams.get('watch') ?? '')
  const verb = verbOf(method, name !== undefined, watch)
  const subject = name !== undefined ? `${qualifiedName(resource)} "${name}"` : qualifiedName(resource)
  const scope = namespace !== undefined ? `in the namespace "${namespace}"` : 'at the cluster scope'
  const resourceText = subresource ? `${resource.plural}/${subresource}` : resource.plural
  return new ApiError(
    failure(403, 'Forbidden', `${subject} is forbidden: ${user} cannot ${verb} resource "${resourceText}" in API group "${resource.group}" ${scope}`, {
      ...(name !== undefined ? { name } : {}),
      ...(resource.group ? { group: resource.group } : {}),
      kind: resource.plural,
    }),
  )
}

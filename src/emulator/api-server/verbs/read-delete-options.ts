// DeleteOptions from the body (JSON or protobuf) and the query, which wins, as kube-apiserver merges them.
import type { DeleteOptions } from '../../registry/delete-object.js'
import { badRequest } from '../../registry/status.js'
import { readBodyAs } from '../decode-body.js'
import type { RequestScope } from '../request-scope.js'

const DELETE_OPTIONS = { group: '', version: 'v1', kind: 'DeleteOptions', optional: true }

export const readDeleteOptions = async ({ request, query, resource }: RequestScope): Promise<DeleteOptions> => {
  const decoded = await readBodyAs(request, { ...DELETE_OPTIONS, custom: resource.custom })
  const body = (decoded === undefined ? {} : decoded) as DeleteOptions & { orphanDependents?: boolean }
  if (typeof body !== 'object' || body === null) throw badRequest('DeleteOptions must be a JSON object')
  const grace = query.get('gracePeriodSeconds')
  const policy = query.get('propagationPolicy')
  return {
    ...body,
    ...(grace !== null && Number.isFinite(Number(grace)) ? { gracePeriodSeconds: Number(grace) } : {}),
    ...(policy ? { propagationPolicy: policy as DeleteOptions['propagationPolicy'] } : {}),
    ...(body.orphanDependents === true || query.get('orphanDependents') === 'true' ? { propagationPolicy: 'Orphan' as const } : {}),
  }
}

// Routes that cannot answer a client that accepts only protobuf: refused with 406 before anything is changed.
import type { Route } from '../parse-path.js'
import { notAcceptable } from '../../registry/status.js'

/**
 * Custom resources have no protobuf messages (kube-apiserver offers them only JSON and YAML); watches here
 * stream JSON only (protobuf watch framing is not emulated).
 */
export const refuseProtobufAnswer = (target: Route, query: URLSearchParams): void => {
  if (target.type !== 'resource') return
  if (target.resource.custom) throw notAcceptable(['application/json', 'application/yaml'])
  if (target.watchPath || ['true', '1'].includes(query.get('watch') ?? '')) throw notAcceptable(['application/json;stream=watch'])
}

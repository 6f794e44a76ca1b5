// Verbs on a named object (and its status subresource): get, replace, delete.
import { deleteObject } from '../../registry/delete-object.js'
import { deletedDetails, methodNotAllowed, success } from '../../registry/status.js'
import { replaceObject } from '../../registry/write-objects.js'
import { sendWarnings } from '../field-validation/check-fields.js'
import { sendJson } from '../http-io.js'
import { loadObject, presentIn, type RequestScope } from '../request-scope.js'
import { tableFor } from '../tables/build-table.js'
import { readCheckedObject } from './read-checked-object.js'
import { readDeleteOptions } from './read-delete-options.js'

export const getResource = (scope: RequestScope): void => {
  const object = loadObject(scope)
  const page = { items: [object], resourceVersion: object.metadata.resourceVersion ?? '' }
  sendJson(scope.response, 200, scope.table ? tableFor(scope.resource, scope.version, page, scope.query) : presentIn(scope, object))
}

export const replaceResource = async (scope: RequestScope): Promise<void> => {
  const { object, warnings } = await readCheckedObject(scope)
  sendWarnings(scope.response, warnings)
  const replaced = replaceObject(scope.context.store, scope.resource, scope.name ?? '', object, scope.subresource, scope.write)
  sendJson(scope.response, 200, presentIn(scope, replaced))
}

/** DELETE answers the object while it lingers (or when its kind says so), otherwise a Success Status. */
export const deleteResource = async (scope: RequestScope): Promise<void> => {
  const { context, response, resource, namespace, name = '', subresource } = scope
  if (subresource !== undefined) throw methodNotAllowed()
  const options = await readDeleteOptions(scope)
  if (scope.dryRun) {
    sendJson(response, 200, presentIn(scope, loadObject(scope)))
    return
  }
  const outcome = deleteObject(context.store, resource, namespace, name, options)
  const answerObject = !outcome.removed || resource.hooks?.deleteAnswersObject === true
  sendJson(response, 200, answerObject ? presentIn(scope, outcome.object) : success(deletedDetails(resource, name, outcome.object.metadata.uid)))
}

// Verbs on a collection URL: list, watch, create, deletecollection.
import { deleteObject } from '../../registry/delete-object.js'
import { listObjects } from '../../registry/list-objects.js'
import { ignoreNotFound, methodNotAllowed } from '../../registry/status.js'
import { createObject } from '../../registry/write-objects.js'
import { sendWarnings } from '../field-validation/check-fields.js'
import { sendJson } from '../http-io.js'
import { listBody } from '../present-object.js'
import { listOptionsOf, presentIn, selectorsOf, type RequestScope } from '../request-scope.js'
import { tableFor } from '../tables/build-table.js'
import { watchObjects } from '../watch-objects.js'
import { readCheckedObject } from './read-checked-object.js'
import { readDeleteOptions } from './read-delete-options.js'

/** A watch on the collection, or on the one object the URL names. */
export const watchResource = (scope: RequestScope): void => {
  const { name, query } = scope
  if (name !== undefined) query.set('fieldSelector', [query.get('fieldSelector'), `metadata.name=${name}`].filter(Boolean).join(','))
  watchObjects(scope, selectorsOf(scope))
}

export const listResource = async (scope: RequestScope): Promise<void> => {
  const { context, response, resource, version, namespace, query, table } = scope
  const page = await listObjects(context.store, resource, namespace, listOptionsOf(scope), selectorsOf(scope))
  sendJson(response, 200, table ? tableFor(resource, version, page, query) : listBody(resource, version, page))
}

export const createResource = async (scope: RequestScope): Promise<void> => {
  const { object, warnings } = await readCheckedObject(scope)
  sendWarnings(scope.response, warnings)
  sendJson(scope.response, 201, presentIn(scope, createObject(scope.context.store, scope.resource, object, scope.write)))
}

/** Deletes every matching object (those gone meanwhile are skipped) and answers the list as it was. */
export const deleteCollection = async (scope: RequestScope): Promise<void> => {
  const { context, response, resource, version, namespace } = scope
  if (!resource.verbs.includes('deletecollection')) throw methodNotAllowed()
  const options = await readDeleteOptions(scope)
  const page = await listObjects(context.store, resource, namespace, {}, selectorsOf(scope))
  for (const item of page.items) ignoreNotFound(() => deleteObject(context.store, resource, item.metadata.namespace, item.metadata.name ?? '', options))
  sendJson(response, 200, listBody(resource, version, page))
}

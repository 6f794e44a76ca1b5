// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`: the server-side printing kubectl get relies on.
import type { KubeObject } from '../../store/kube-object.js'
import type { ListPage } from '../../registry/list-objects.js'
import { presentObject } from '../present-object.js'
import type { ResourceDefinition } from '../../registry/resource-definition.js'
import { COLUMNS, type ColumnDefinition } from './column-definitions.js'
import { COLUMNS_1_32 } from './column-definitions-1-32.js'
import { MORE_CELLS } from './more-cells.js'
import { CELLS, genericCells } from './row-cells.js'

export const wantsTable = (accept: string | undefined): boolean =>
  (accept ?? '').split(',').some((part) => {
    const params = part.split(';').map((piece) => piece.trim())
    return params.includes('as=Table') && params.includes('g=meta.k8s.io') && (params.includes('v=v1') || params.includes('v=v1beta1'))
  })

const GENERIC_COLUMNS: ColumnDefinition[] = [COLUMNS.Pod![0]!, COLUMNS.Pod!.find((column) => column.name === 'Age')!]

const rowObject = (resource: ResourceDefinition, version: string, object: KubeObject, includeObject: string | null) => {
  if (includeObject === 'None') return null
  if (includeObject === 'Object') return presentObject(resource, version, object)
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: presentObject(resource, version, object).metadata }
}

export const tableFor = (resource: ResourceDefinition, version: string, page: ListPage, query: URLSearchParams) => {
  const cells = CELLS[resource.kind] ?? MORE_CELLS[resource.kind] ?? genericCells
  const includeObject = query.get('includeObject')
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {
      resourceVersion: page.resourceVersion,
      ...(page.continueToken ? { continue: page.continueToken } : {}),
      ...(page.remainingItemCount !== undefined ? { remainingItemCount: page.remainingItemCount } : {}),
    },
    columnDefinitions: COLUMNS[resource.kind] ?? COLUMNS_1_32[resource.kind] ?? GENERIC_COLUMNS,
    rows: page.items.map((object) => ({ cells: cells(object), object: rowObject(resource, version, object, includeObject) })),
  }
}

// RFC 6902 JSON Patch, failing the way evanphx/json-patch does (missing paths are errors).

export class PatchError extends Error {}

type Container = Record<string, unknown> | unknown[]

const parsePointer = (pointer: unknown): string[] => {
  if (typeof pointer !== 'string' || (pointer !== '' && !pointer.startsWith('/'))) throw new PatchError(`invalid JSON pointer ${String(pointer)}`)
  return pointer === '' ? [] : pointer.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
}

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null

const arrayIndex = (array: unknown[], token: string, allowEnd: boolean): number => {
  if (allowEnd && token === '-') return array.length
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new PatchError(`invalid array index ${token}`)
  const index = Number(token)
  if (index > array.length || (!allowEnd && index === array.length)) throw new PatchError(`array index ${index} out of bounds`)
  return index
}

const resolveParent = (document: unknown, path: string[]): { parent: Container; key: string } => {
  if (path.length === 0) throw new PatchError('the root cannot be the target of this operation')
  let current: unknown = document
  for (const token of path.slice(0, -1)) {
    if (Array.isArray(current)) current = current[arrayIndex(current, token, false)]
    else if (isContainer(current) && Object.hasOwn(current, token)) current = (current as Record<string, unknown>)[token]
    else throw new PatchError(`path not found at ${token}`)
  }
  if (!isContainer(current)) throw new PatchError('parent is not a container')
  return { parent: current, key: path.at(-1)! }
}

const getValue = (document: unknown, path: string[]): unknown => {
  if (path.length === 0) return document
  const { parent, key } = resolveParent(document, path)
  if (Array.isArray(parent)) return parent[arrayIndex(parent, key, false)]
  if (!Object.hasOwn(parent, key)) throw new PatchError(`path ${key} not found`)
  return parent[key]
}

const add = (document: unknown, path: string[], value: unknown): unknown => {
  if (path.length === 0) return value
  const { parent, key } = resolveParent(document, path)
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true), 0, value)
  else parent[key] = value
  return document
}

const remove = (document: unknown, path: string[]): unknown => {
  const { parent, key } = resolveParent(document, path)
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, false), 1)
  else if (Object.hasOwn(parent, key)) delete parent[key]
  else throw new PatchError(`path ${key} not found`)
  return document
}

const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return false
  const aKeys = Object.keys(a)
  return aKeys.length === Object.keys(b).length && aKeys.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}

/** Applies operations to a copy of `document`; throws PatchError on any failed operation. */
export const applyJsonPatch = (document: unknown, operations: unknown): unknown => {
  if (!Array.isArray(operations)) throw new PatchError('a JSON Patch must be an array of operations')
  let result = structuredClone(document)
  for (const operation of operations as Record<string, unknown>[]) {
    if (!isContainer(operation)) throw new PatchError('an operation must be an object')
    const path = parsePointer(operation.path)
    switch (operation.op) {
      case 'add':
        if (!('value' in operation)) throw new PatchError('add needs a value')
        result = add(result, path, structuredClone(operation.value))
        break
      case 'remove':
        result = remove(result, path)
        break
      case 'replace':
        if (!('value' in operation)) throw new PatchError('replace needs a value')
        getValue(result, path)
        result = path.length === 0 ? structuredClone(operation.value) : add(remove(result, path), path, structuredClone(operation.value))
        break
      case 'move': {
        const from = parsePointer(operation.from)
        const value = getValue(result, from)
        result = add(remove(result, from), path, value)
        break
      }
      case 'copy':
        result = add(result, path, structuredClone(getValue(result, parsePointer(operation.from))))
        break
      case 'test':
        if (!deepEqual(getValue(result, path), operation.value)) throw new PatchError('testing value failed')
        break
      default:
        throw new PatchError(`unexpected operation ${String(operation.op)}`)
    }
  }
  return result
}

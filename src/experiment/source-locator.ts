// Turns a JSON pointer into `file:line:col` using the positions the YAML parser keeps (JSON is YAML too).
import { isCollection, LineCounter, parseDocument, type Document } from 'yaml'
import { parsePointer } from './json-pointer.js'

const segmentKey = (segment: string): string | number => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment)

const findOffset = (document: Document, pointer: string): number | undefined => {
  const segments = parsePointer(pointer).map(segmentKey)
  for (let depth = segments.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? document.contents : document.getIn(segments.slice(0, depth), true)
    if (node !== undefined && node !== null && (isCollection(node) || typeof node === 'object')) {
      const range = (node as { range?: [number, number, number] }).range
      if (range) return range[0]
    }
  }
  return undefined
}

/**
 * A `locate(pointer)` for a parsed YAML document: the position of the value at the pointer, or of its nearest
 * existing parent when the key is missing (`experiment requires a title` points at the document).
 *
 * @example
 * createLocator('exp.yaml', source)('/method/0/provider') // 'exp.yaml:12:7'
 */
export function createLocator(name: string, text: string, parsed?: { document: Document; lineCounter: LineCounter }): (pointer: string) => string | undefined {
  let cached = parsed
  return function locate(pointer: string): string | undefined {
    if (!cached) {
      const lineCounter = new LineCounter()
      cached = { document: parseDocument(text, { lineCounter, uniqueKeys: false }), lineCounter }
    }
    if (cached.document.errors.length > 0) return undefined
    const offset = findOffset(cached.document, pointer)
    if (offset === undefined) return undefined
    const { line, col } = cached.lineCounter.linePos(offset)
    return `${name}:${line}:${col}`
  }
}

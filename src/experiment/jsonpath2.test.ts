import { describe, it, expect } from 'vitest'
import { parseJsonPath2 } from './jsonpath2.js'

describe('parseJsonPath2', () => {
  it('splits a path at its filters, which test the node they follow', () => {
    expect(parseJsonPath2('$.foo[?(@.baz="hello")]')).toEqual([
      { kind: 'select', path: '.foo' },
      { kind: 'filter', expression: '(@.baz == "hello")' },
    ])
    expect(parseJsonPath2('$.foo.*[?(@.baz)].baz')).toEqual([
      { kind: 'select', path: '.foo.*' },
      { kind: 'filter', expression: '(@.baz)' },
      { kind: 'select', path: '.baz' },
    ])
    expect(parseJsonPath2(' $.foo[*].baz ')).toEqual([{ kind: 'select', path: '.foo[*].baz' }])
    expect(parseJsonPath2('$')).toEqual([])
    expect(parseJsonPath2('$.a..[?(@.x)]')).toEqual([{ kind: 'select', path: '.a' }, { kind: 'descend' }, { kind: 'filter', expression: '(@.x)' }])
  })

  it('translates and/or/not with jsonpath2 precedence (and binds looser than or)', () => {
    expect(parseJsonPath2('$.a[?(@.x = 1 or @.y > 2 and not @.z)]')[1]).toEqual({ kind: 'filter', expression: '(((@.x == 1 || @.y > 2) && !(@.z)))' })
    expect(parseJsonPath2('$.a[?(not @.s != "Running")]')[1]).toEqual({ kind: 'filter', expression: '(!(@.s != "Running"))' })
    expect(parseJsonPath2('$.a[?(@["k"] <= -1.5e2)]')[1]).toEqual({ kind: 'filter', expression: '(@["k"] <= -1.5e2)' })
  })

  it('rejects RFC-only or unsupported syntax with a reason', () => {
    expect(() => parseJsonPath2('$.a[?(@.b==1)]')).toThrow("'==' is not jsonpath2 syntax")
    expect(() => parseJsonPath2('$.a[?(@.b=1 && @.c)]')).toThrow("'&&' is not jsonpath2 syntax")
    expect(() => parseJsonPath2('foo.bar')).toThrow('a JSON path starts with $')
    expect(() => parseJsonPath2('$.a[?($.b=1)]')).toThrow("'$' inside a filter is not supported")
    expect(() => parseJsonPath2('$.a[0')).toThrow('unclosed [ at position 3')
    expect(() => parseJsonPath2('$.a[?(@.b=)]')).toThrow("expected literal but found ')'")
    expect(() => parseJsonPath2('$.a b')).toThrow(/^'\.a b': Expected/)
  })
})

import { describe, it, expect } from 'vitest'
import { buildLookup, substitute } from './substitute.js'

describe('substitute', () => {
  const lookup = { n: 3, name: 'web', list: [1, 'a', true], obj: { a: null }, flag: false, cost: 2.5 }

  it('returns the typed value for a lone ${x}', () => {
    expect(substitute('${n}', lookup)).toBe(3)
    expect(substitute('${list}', lookup)).toEqual([1, 'a', true])
    expect(substitute('${obj}', lookup)).toEqual({ a: null })
    expect(substitute('${flag}', lookup)).toBe(false)
  })

  it('keeps a lone bare $x a string, as Python does', () => {
    expect(substitute('$n', lookup)).toBe('3')
  })

  it('formats values inside text the way Python str() does', () => {
    expect(substitute('n=${n} and $name', lookup)).toBe('n=3 and web')
    expect(substitute('l=${list}', lookup)).toBe("l=[1, 'a', True]")
    expect(substitute('o=${obj} f=$flag c=${cost}', lookup)).toBe("o={'a': None} f=False c=2.5")
  })

  it('turns $$ into $ and leaves unknown names and non-identifiers untouched', () => {
    expect(substitute('cost: $$5 $$name', lookup)).toBe('cost: $5 $name')
    expect(substitute('$$', lookup)).toBe('$')
    expect(substitute('${missing} $missing', lookup)).toBe('${missing} $missing')
    expect(substitute('${my-key}', { 'my-key': 1 })).toBe('${my-key}')
    expect(substitute('${a.b}', { 'a.b': 1, a: 2 })).toBe('${a.b}')
    expect(substitute('${x', { x: 1 })).toBe('${x')
    expect(substitute('$1 $-', { 1: 'no' })).toBe('$1 $-')
  })

  it('reads an identifier as far as it goes', () => {
    expect(substitute('$name_x ${name}_x $name-x', { name: 'w', name_x: 'long' })).toBe('long w_x w-x')
  })

  it('recurses through objects and lists without touching keys, non-strings or the input', () => {
    const input = { '${n}': ['${n}', ['${name}'], { deep: '$name' }], count: 7, off: null }
    const output = substitute(input, lookup)
    expect(output).toEqual({ '${n}': [3, ['web'], { deep: 'web' }], count: 7, off: null })
    expect(input['${n}'][0]).toBe('${n}')
  })
})

describe('buildLookup', () => {
  it('puts configuration first, then secret scopes in declaration order, first match wins', () => {
    const lookup = buildLookup({ ns: 'config' }, { k8s: { ns: 'k8s', token: 'first' }, aws: { token: 'second', key: 'k' } })
    expect(lookup).toEqual({ ns: 'config', token: 'first', key: 'k' })
  })

  it('keeps keys such as __proto__ as plain data', () => {
    const lookup = buildLookup(JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>, undefined)
    expect(Object.getPrototypeOf(lookup)).toBe(Object.prototype)
    expect(Object.keys(lookup)).toEqual(['__proto__'])
    expect(substitute('${__proto__}', lookup)).toEqual({ polluted: true })
    const copy = substitute(JSON.parse('{"__proto__": {"a": "$x"}}') as object, { x: 1 })
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ a: '1' })
  })

  it('accepts missing configuration or secrets', () => {
    expect(buildLookup(undefined, undefined)).toEqual({})
    expect(buildLookup(undefined, { s: { a: 1 } })).toEqual({ a: 1 })
  })
})

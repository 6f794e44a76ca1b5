import { describe, it, expect } from 'vitest'
import { convertToType } from './env-var-type.js'
import { formatPythonValue } from './python-format.js'

describe('formatPythonValue', () => {
  it("prints values as Python's str() does (checked against CPython 3)", () => {
    expect(formatPythonValue(['it\'s', 'a"b', 'x\ny'])).toBe(`["it's", 'a"b', 'x\\ny']`)
    expect(formatPythonValue({ a: null, b: [true, false], c: 2.5 })).toBe("{'a': None, 'b': [True, False], 'c': 2.5}")
    expect(formatPythonValue('plain')).toBe('plain')
    expect(formatPythonValue(null)).toBe('None')
  })
})

describe('convertToType', () => {
  it('converts like Python int(), float(), bool rules and json.loads', () => {
    expect(convertToType('int', ' 42 ')).toBe(42)
    expect(convertToType('int', '4_2')).toBe(42)
    expect(convertToType('integer', 7.9)).toBe(7)
    expect(convertToType('float', '1e3')).toBe(1000)
    expect(convertToType('number', ' -inf ')).toBe(-Infinity)
    expect(convertToType('bool', 'NO')).toBe(false)
    expect(convertToType('bool', 'anything')).toBe(true)
    expect(convertToType('json', '[1, {"a": null}]')).toEqual([1, { a: null }])
    expect(convertToType('json', '')).toBe('')
    expect(convertToType(undefined, 5)).toBe(5)
    expect(convertToType('bytes', 'raw')).toBe('raw')
  })

  it('says why a value cannot be converted', () => {
    expect(() => convertToType('int', '4.2')).toThrow("invalid literal for int(): '4.2'")
    expect(() => convertToType('float', 'abc')).toThrow("could not convert string to float: 'abc'")
    expect(() => convertToType('json', '{bad')).toThrow(/^not valid JSON: /)
    expect(() => convertToType('date', 'x')).toThrow('variable type can only be: bool, str, int, float, bytes or json')
  })
})

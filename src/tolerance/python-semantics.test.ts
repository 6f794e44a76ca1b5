import { describe, it, expect } from 'vitest'
import { pythonContains, pythonEquals, pythonLessOrEqual, pythonTruthy } from './python-semantics.js'

describe('pythonEquals', () => {
  it('follows Python cross-type equality', () => {
    expect(pythonEquals(true, 1)).toBe(true)
    expect(pythonEquals(false, 0)).toBe(true)
    expect(pythonEquals(1, 1.0)).toBe(true)
    expect(pythonEquals('1', 1)).toBe(false)
    expect(pythonEquals(true, 2)).toBe(false)
    expect(pythonEquals(null, null)).toBe(true)
    expect(pythonEquals(null, 0)).toBe(false)
  })

  it('compares lists and dicts deeply, with the same rules inside', () => {
    expect(pythonEquals([1, [true]], [true, [1]])).toBe(true)
    expect(pythonEquals([1, 2], [1])).toBe(false)
    expect(pythonEquals({ a: [1], b: 'x' }, { b: 'x', a: [true] })).toBe(true)
    expect(pythonEquals({ a: 1 }, { a: 1, b: 2 })).toBe(false)
    expect(pythonEquals([], {})).toBe(false)
    expect(pythonContains([200, 201], 201)).toBe(true)
  })
})

describe('pythonLessOrEqual', () => {
  it('orders numbers, booleans, strings and lists as Python does', () => {
    expect(pythonLessOrEqual(true, 1)).toBe(true)
    expect(pythonLessOrEqual(2, 1.5)).toBe(false)
    expect(pythonLessOrEqual('a', 'b')).toBe(true)
    expect(pythonLessOrEqual([1, 2], [1, 3])).toBe(true)
    expect(pythonLessOrEqual([1, 3], [1, 2])).toBe(false)
    expect(pythonLessOrEqual([1], [1, 0])).toBe(true)
    expect(pythonLessOrEqual([1, 0], [1])).toBe(false)
  })

  it("throws Python's TypeError for mixed or unorderable types", () => {
    expect(() => pythonLessOrEqual(1, '2')).toThrow(new TypeError("'<=' not supported between instances of 'int' and 'str'"))
    expect(() => pythonLessOrEqual(null, 1)).toThrow("'<=' not supported between instances of 'NoneType' and 'int'")
    expect(() => pythonLessOrEqual({}, {})).toThrow("between instances of 'dict' and 'dict'")
  })
})

describe('pythonTruthy', () => {
  it('is false only for None, False, 0, empty strings, lists and dicts', () => {
    expect([null, undefined, false, 0, '', [], {}].map(pythonTruthy)).toEqual([false, false, false, false, false, false, false])
    expect([true, 1, -1, 'x', [0], { a: 0 }].map(pythonTruthy)).toEqual([true, true, true, true, true, true])
  })
})

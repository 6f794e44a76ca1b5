import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { isSameJson } from './is-same-json.js'

describe('isSameJson', () => {
  it('ignores key order and the realm that built the objects', () => {
    const foreign: unknown = runInNewContext('({ delay: { percentage: { value: 100 }, fixedDelay: "5s" } })')
    expect(isSameJson({ delay: { fixedDelay: '5s', percentage: { value: 100 } } }, foreign)).toBe(true)
  })

  it('tells different values, lists in another order and a missing fault apart', () => {
    expect(isSameJson({ delay: { fixedDelay: '5s' } }, { delay: { fixedDelay: '7s' } })).toBe(false)
    expect(isSameJson([1, 2], [2, 1])).toBe(false)
    expect(isSameJson(undefined, { abort: { httpStatus: 500 } })).toBe(false)
    expect(isSameJson(undefined, undefined)).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { mapSelectorMatches, selectorMatches } from './label-selector.js'

describe('selectorMatches', () => {
  it('treats a missing selector as matching nothing and an empty one as matching everything', () => {
    expect(selectorMatches(undefined, { app: 'web' })).toBe(false)
    expect(selectorMatches({}, { app: 'web' })).toBe(true)
  })

  it('combines matchLabels and every expression operator', () => {
    const labels = { app: 'reviews', version: 'v1' }
    expect(selectorMatches({ matchLabels: { app: 'reviews' } }, labels)).toBe(true)
    expect(selectorMatches({ matchLabels: { app: 'ratings' } }, labels)).toBe(false)
    expect(selectorMatches({ matchExpressions: [{ key: 'version', operator: 'In', values: ['v1', 'v2'] }] }, labels)).toBe(true)
    expect(selectorMatches({ matchExpressions: [{ key: 'version', operator: 'NotIn', values: ['v1'] }] }, labels)).toBe(false)
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] }, labels)).toBe(true)
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, labels)).toBe(false)
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, labels)).toBe(true)
  })

  it('never lets an empty Service selector match', () => {
    expect(mapSelectorMatches({}, { app: 'web' })).toBe(false)
    expect(mapSelectorMatches({ app: 'web' }, { app: 'web', version: 'v1' })).toBe(true)
  })
})

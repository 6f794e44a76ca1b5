import { describe, expect, it } from 'vitest'
import { pickDestination } from './pick-destination.js'

const v1 = { host: 'reviews', subset: 'v1' }
const v2 = { host: 'reviews', subset: 'v2' }

describe('pickDestination', () => {
  it('gives a single destination everything, whatever its weight', () => {
    expect(pickDestination([{ destination: v1, weight: 10 }], () => 0.99)).toBe(v1)
  })

  it('splits by weight / sum, weights need not sum to 100, weight 0 is never chosen', () => {
    const routes = [{ destination: v1, weight: 3 }, { destination: v2, weight: 1 }]
    expect(pickDestination(routes, () => 0.74)).toBe(v1)
    expect(pickDestination(routes, () => 0.76)).toBe(v2)
    const zero = [{ destination: v1, weight: 0 }, { destination: v2, weight: 5 }]
    expect(pickDestination(zero, () => 0)).toBe(v2)
    expect(pickDestination(zero, () => 0.999999)).toBe(v2)
  })

  it('returns undefined for a route without destinations', () => {
    expect(pickDestination(undefined, () => 0)).toBeUndefined()
  })
})

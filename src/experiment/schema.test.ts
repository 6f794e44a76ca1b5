import { describe, it, expect } from 'vitest'
import type { z } from 'zod'
import { activitySchema, experimentJsonSchema, experimentSchema, providerSchema, toleranceSchema } from './schema.js'
import type { Activity, Experiment, Provider, Tolerance } from './types.js'

// zod's loose objects carry an index signature that interfaces lack; compare the declared keys only
type Known<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> } : T
type Fits<A, B> = [A] extends [Known<B>] ? true : false

describe('schema', () => {
  it('accepts what the contract types describe (checked by the compiler)', () => {
    // extensions are left out: the schema requires their name, as Chaos Toolkit's validation does
    const fits: [Fits<Omit<Experiment, 'extensions'>, z.input<typeof experimentSchema>>, Fits<Activity, z.input<typeof activitySchema>>, Fits<Provider, z.input<typeof providerSchema>>, Fits<Tolerance, z.input<typeof toleranceSchema>>] = [true, true, true, true]
    expect(fits).toEqual([true, true, true, true])
  })

  it('tells providers apart by type and keeps unknown keys', () => {
    const parsed = providerSchema.parse({ type: 'http', url: 'http://127.0.0.1/', vendor: { x: 1 } })
    expect(parsed).toEqual({ type: 'http', url: 'http://127.0.0.1/', vendor: { x: 1 } })
    expect(providerSchema.safeParse({ type: 'python', module: 'm' }).error?.issues.map((issue) => issue.path)).toEqual([['func']])
  })

  it('accepts every tolerance form Chaos Toolkit accepts, and no float or null', () => {
    const accepted = [true, 200, 'ok', [200, 201], { type: 'regex', pattern: 'x', target: 'body' }, { type: 'jsonpath', path: '$.a', expect: null }, { type: 'range', range: [0, 1.5] }]
    expect(accepted.map((tolerance) => toleranceSchema.safeParse(tolerance).success)).toEqual(accepted.map(() => true))
    expect([0.5, null, { type: 'boom' }].map((tolerance) => toleranceSchema.safeParse(tolerance).success)).toEqual([false, false, false])
  })

  it('publishes a JSON Schema for editors', () => {
    const schema = experimentJsonSchema()
    expect(schema.type).toBe('object')
    expect(schema.required).toEqual(['title', 'description', 'method'])
    expect(Object.keys(schema.properties as object)).toContain('steady-state-hypothesis')
  })
})

import { expect } from '@jest/globals'
import { describe, expectTypeOf, it } from 'vitest'
import { fault, http, steadyState } from '../authoring/index.js'
import type { Journal } from '../journal/types.js'
import { chaosTest, type ChaosContext } from './index.js'

const app = steadyState('app', [http.probe('page', { path: '/productpage' })])
const drain = fault('drain', { actions: [] })

describe('jest matcher types', () => {
  it('augments expect from @jest/globals', () => {
    expectTypeOf(expect(app).toStaySteadyDuring(drain, { recoverWithin: '30s' })).toEqualTypeOf<Promise<void>>()
    expectTypeOf(expect({} as Journal).toHaveDeviated()).toEqualTypeOf<void>()
    // @ts-expect-error SLO fields are typed
    expect({}).toMeetSlo({ p99: 'slow' })
  })

  it('gives chaosTest a chaos context', () => {
    expectTypeOf(chaosTest).parameter(1).parameter(0).toEqualTypeOf<{ chaos: ChaosContext; cluster: import('../clusters/started-cluster.js').StartedCluster | undefined }>()
  })
})

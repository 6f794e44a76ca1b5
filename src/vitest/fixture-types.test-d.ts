/* eslint-disable @typescript-eslint/unbound-method, @typescript-eslint/no-unsafe-call -- type tests reference methods and call unknown matchers on purpose */
import { describe, expectTypeOf, it, type TaskMeta } from 'vitest'
import type { StartedCluster } from '../clusters/started-cluster.js'
import type { Journal } from '../journal/types.js'
import { fault, http, steadyState } from '../authoring/index.js'
import type { LoadReport } from '../drivers/load/load-types.js'
import type { ChaosRunRecord } from '../session/chaos-run-record.js'
import { chaosTest, createChaosTest, expect, type ChaosContext } from './index.js'

const app = steadyState('app', [http.probe('page', { path: '/productpage' })])
const drain = fault('drain', { actions: [] })

describe('chaosTest fixtures', () => {
  it('gives each test the cluster and a chaos context', () => {
    chaosTest('typed', ({ cluster, chaos, task }) => {
      expectTypeOf(cluster).toEqualTypeOf<StartedCluster | undefined>()
      expectTypeOf(chaos).toEqualTypeOf<ChaosContext>()
      expectTypeOf(chaos.run).returns.toEqualTypeOf<Promise<Journal>>()
      expectTypeOf(task.meta.chaos?.runs).toEqualTypeOf<ChaosRunRecord[] | undefined>()
    })
    expectTypeOf(chaosTest.experiment).parameter(1).toMatchTypeOf<{ expect?: 'steady' | 'deviated' | 'completed' | 'failed' | 'interrupted' | 'aborted' } | undefined>()
    expectTypeOf(createChaosTest).parameter(0).toMatchTypeOf<{ scope?: 'worker' | 'file' } | undefined>()
  })

  it('types task.meta.chaos for reporters', () => {
    expectTypeOf<TaskMeta['chaos']>().toEqualTypeOf<{ runs: ChaosRunRecord[] } | undefined>()
  })
})

describe('matcher types', () => {
  it('makes toStaySteadyDuring a promise so an un-awaited call is a floating promise', () => {
    expectTypeOf(expect(app).toStaySteadyDuring(drain, { recoverWithin: '30s', slo: { p99: '500ms', errorRate: 0 } })).toEqualTypeOf<Promise<typeof app>>()
    // @ts-expect-error durations are unit strings
    void expect(app).toStaySteadyDuring(drain, { recoverWithin: 'soon' })
    // @ts-expect-error the fault is required
    void expect(app).toStaySteadyDuring()
  })

  it('types the journal and load-report matchers', () => {
    const journal = {} as Journal
    const report = {} as LoadReport
    expectTypeOf(expect(journal).toBeSteady).parameters.toEqualTypeOf<[]>()
    expectTypeOf(expect(journal).toRecoverWithin).parameter(0).toEqualTypeOf<number | `${number}ms` | `${number}s` | `${number}m`>()
    expect(report).toMeetSlo({ p99: '1s', errorRate: 0.01, minThroughput: 10 })
    // @ts-expect-error errorRate is a number between 0 and 1
    expect(report).toMeetSlo({ errorRate: '1%' })
    // @ts-expect-error unknown matcher
    expect(journal).toBeChaotic()
  })
})

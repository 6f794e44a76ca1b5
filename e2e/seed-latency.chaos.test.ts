// The seed article's latency experiment on reviews v3, run unchanged through the CLI against an emulated cluster with bookinfo.
import { beforeEach, describe, expect, it } from 'vitest'
import type { Journal } from '../src/journal/types.js'
import { VS, useSeedCluster } from './support/seed-cli.js'

const { world, run } = useSeedCluster()

describe('experiment 4: latency on reviews v3', () => {
  const routes = () => world.custom.getNamespacedCustomObject(VS) as Promise<{ spec: { http: Array<{ fault?: unknown }> } }>
  const delay = { delay: { fixedDelay: '5s', percentage: { value: 100 } } }

  beforeEach(async () => {
    // the article's reviews VirtualService: every user goes to v3, no fault
    await world.custom.patchNamespacedCustomObject({
      ...VS,
      body: [{ op: 'replace', path: '/spec/http', value: [{ route: [{ destination: { host: 'reviews', subset: 'v3' } }] }] }],
    })
  })

  const expectDeviated = (journal: Journal) => {
    expect(journal.status).toBe('completed')
    expect(journal.deviated).toBe(true)
    expect(journal.steady_states.before?.steady_state_met).toBe(true)
    const missed = journal.steady_states.after!.probes.find((p) => p.activity.name === 'fetch-productpage-for-jason-in-due-time')!
    expect(missed.tolerance_met).toBe(false)
    expect(journal.run[0]!.output).toMatchObject({ status: 200, body: { spec: { http: [{ fault: delay }] } } })
  }

  it('deviates; when no rollback is played (the article\'s first run, as chaoslib 2021 did) the 5 s delay stays', async () => {
    const { code, journal } = await run('reviews-latency.json', '--rollback-strategy', 'never')
    expectDeviated(journal)
    expect(code).toBe(1)
    expect(journal.rollbacks).toEqual([])
    expect((await routes()).spec.http[0]!.fault).toEqual(delay)
  })

  it('deviates and removes the fault with --rollback-strategy deviated', async () => {
    const { code, journal } = await run('reviews-latency.json', '--rollback-strategy', 'deviated')
    expectDeviated(journal)
    expect(code).toBe(1)
    expect(journal.rollbacks.map((r) => [r.activity.name, r.status])).toEqual([['remove-fault-for-reviews-service', 'succeeded']])
    expect((await routes()).spec.http[0]!.fault).toBeUndefined()
  })

  it('in strict mode, snapshots the routes, rolls back and leaves the VirtualService exactly as it was', async () => {
    const before = (await world.custom.getNamespacedCustomObject(VS)) as { metadata: { annotations?: Record<string, string> }; spec: unknown }
    const { journal } = await run('reviews-latency.json', '--strict', '--rollback-strategy', 'never')
    expectDeviated(journal)
    expect(journal['vitest-chaos']?.mode).toBe('strict')
    const written = journal.run[0]!.output as { body: { metadata: { annotations: Record<string, string> } } }
    expect(JSON.parse(written.body.metadata.annotations['vitest-chaos.io/pre-fault-http']!)).toEqual((before.spec as { http: unknown }).http)
    expect(journal.rollbacks.map((r) => [r.activity.name, r.status])).toEqual([['remove-fault-for-reviews-service', 'succeeded']])
    const after = (await world.custom.getNamespacedCustomObject(VS)) as typeof before
    expect(after.spec).toEqual(before.spec)
    expect(after.metadata.annotations?.['vitest-chaos.io/pre-fault-http']).toBeUndefined()
  })

  it('also removes it under the default strategy, as current chaoslib plays rollbacks after a deviation', async () => {
    const { journal } = await run('reviews-latency.json')
    expectDeviated(journal)
    expect(journal.rollbacks.map((r) => r.status)).toEqual(['succeeded'])
    expect((await routes()).spec.http[0]!.fault).toBeUndefined()
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import { call, createTestCatalog, experimentWith, type TestSystem } from '../../fixtures/engine/test-catalog.js'
import type { Experiment } from '../experiment/types.js'
import { runExperiment } from './run-experiment.js'
import type { RunOptions } from './run-options.js'

let system: TestSystem
beforeEach(() => {
  system = { healthy: true, calls: [] }
})
const run = (experiment: Experiment, options: RunOptions = {}) => runExperiment(experiment, { catalog: createTestCatalog(system), hypothesisFrequency: 0.05, ...options })

// breaks the system, then keeps the method busy long enough for several continuous iterations
const breakingMethod = [call('action', 'break', 'break_it'), call('action', 'busy', 'mark', { arguments: { label: 'busy', seconds: 0.4 } }), call('action', 'last', 'mark', { arguments: { label: 'last' } })]

describe('runExperiment: continuous hypothesis', () => {
  it('without fail-fast, deviations during the method change nothing', async () => {
    const journal = await run(experimentWith({ method: breakingMethod, rollbacks: [] }), { hypothesisStrategy: 'during-method-only' })
    expect(journal).toMatchObject({ status: 'completed', deviated: false })
    expect(journal.steady_states.during.length).toBeGreaterThanOrEqual(2)
    expect(journal.steady_states.during.some((state) => state.steady_state_met === false)).toBe(true)
    expect(journal.steady_states.before).toBeNull()
    expect(journal.steady_states.after).toBeNull()
  })

  it('during-method-only + fail-fast: failed, not deviated, later activities not started, no rollbacks', async () => {
    const journal = await run(experimentWith({ method: breakingMethod }), { hypothesisStrategy: 'during-method-only', failFast: true })
    expect(journal).toMatchObject({ status: 'failed', deviated: false, rollbacks: [] })
    expect(journal.run.map((record) => record.activity.name)).toEqual(['break', 'busy'])
    expect(journal.steady_states.during.at(-1)?.steady_state_met).toBe(false)
    expect(journal['vitest-chaos']?.reason).toContain('fail-fast')
  })

  it('continuously + fail-fast + the after-hypothesis deviates: completed and deviated', async () => {
    const journal = await run(experimentWith({ method: breakingMethod }), { hypothesisStrategy: 'continuously', failFast: true })
    expect(journal).toMatchObject({ status: 'completed', deviated: true })
    expect(journal.steady_states.before?.steady_state_met).toBe(true)
    expect(journal.steady_states.after?.steady_state_met).toBe(false)
    expect(journal.rollbacks).toHaveLength(1)
  })

  it('continuously + fail-fast + the after-hypothesis holds again: stays failed', async () => {
    const method = [call('action', 'blip', 'blip', { arguments: { seconds: 0.3 } }), call('action', 'never', 'break_it')]
    const journal = await run(experimentWith({ method }), { hypothesisStrategy: 'continuously', failFast: true })
    expect(journal.run.map((record) => record.activity.name)).toEqual(['blip'])
    expect(journal.steady_states.after?.steady_state_met).toBe(true)
    expect(journal).toMatchObject({ status: 'failed', deviated: false })
  })

  it('iterations are spaced by the frequency', async () => {
    const method = [call('action', 'busy', 'mark', { arguments: { label: 'busy', seconds: 0.5 } })]
    const journal = await run(experimentWith({ method }), { hypothesisStrategy: 'during-method-only', hypothesisFrequency: 0.2 })
    expect(journal.steady_states.during.length).toBeGreaterThanOrEqual(2)
    expect(journal.steady_states.during.length).toBeLessThanOrEqual(4)
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import { call, createTestCatalog, experimentWith, type TestSystem } from '../../fixtures/engine/test-catalog.js'
import { InterruptedError } from '../errors.js'
import type { Experiment } from '../experiment/types.js'
import { runExperiment } from './run-experiment.js'
import type { RunOptions } from './run-options.js'

let system: TestSystem
beforeEach(() => {
  system = { healthy: true, calls: [] }
})
const run = (experiment: Experiment, options: RunOptions = {}) => runExperiment(experiment, { catalog: createTestCatalog(system), ...options })

/** Aborts `controller` once the test system saw `call`; bounded in time so a broken engine cannot hang the test. */
const abortWhen = (controller: AbortController, seen: string, reason: unknown = 'SIGINT') => {
  const started = Date.now()
  const timer = setInterval(() => {
    if (system.calls.includes(seen) || Date.now() - started > 10_000) {
      clearInterval(timer)
      controller.abort(reason)
    }
  }, 5)
}

const slowMethod = [call('action', 'slow', 'mark', { arguments: { label: 'slow', seconds: 30 } }), call('action', 'after', 'break_it')]

describe('runExperiment: graceful interrupt (SIGINT)', () => {
  it('ends interrupted, leaves the inline record without status, skips later activities and rollbacks (default)', async () => {
    const controller = new AbortController()
    abortWhen(controller, 'start slow')
    const journal = await run(experimentWith({ method: slowMethod }), { signal: controller.signal })
    expect(journal.status).toBe('interrupted')
    expect(journal.run.map((record) => record.activity.name)).toEqual(['slow'])
    expect(journal.run[0]).not.toHaveProperty('status')
    expect(journal.run[0]).toHaveProperty('end')
    expect(journal.steady_states.after).toBeNull()
    expect(journal.rollbacks).toEqual([])
    expect(journal['vitest-chaos']?.reason).toBe('The run was interrupted by SIGINT.')
  })

  it('plays rollbacks with the always strategy, and always in strict mode', async () => {
    for (const options of [{ rollbackStrategy: 'always' }, { mode: 'strict' }] as RunOptions[]) {
      system.calls = []
      const controller = new AbortController()
      abortWhen(controller, 'start slow')
      const journal = await run(experimentWith({ method: slowMethod }), { ...options, signal: controller.signal })
      expect(journal.status).toBe('interrupted')
      expect(journal.rollbacks.map((record) => [record.activity.name, record.status])).toEqual([['fix-the-system', 'succeeded']])
    }
  })

  it('interrupts a pause', async () => {
    // an hour: if the interrupt did not cut the pause short, the test times out
    const method = [call('action', 'wait', 'mark', { arguments: { label: 'w' }, pauses: { before: 3600 } })]
    const controller = new AbortController()
    const onLog = (_level: string, message: string) => {
      if (message.startsWith('Pausing before next activity')) controller.abort('SIGTERM')
    }
    const interrupted = await run(experimentWith({ method }), { signal: controller.signal, listener: { onLog } })
    expect(interrupted.status).toBe('interrupted')
    expect(interrupted.run).toEqual([])
    expect(interrupted['vitest-chaos']?.reason).toBe('The run was interrupted by SIGTERM.')
  })

  it('awaits background activities after a graceful interrupt', async () => {
    const controller = new AbortController()
    abortWhen(controller, 'start inline')
    const method = [
      call('action', 'background', 'mark', { arguments: { label: 'bg', seconds: 0.3 }, background: true }),
      call('action', 'inline', 'mark', { arguments: { label: 'inline', seconds: 30 } }),
    ]
    const journal = await run(experimentWith({ method }), { signal: controller.signal })
    expect(journal.status).toBe('interrupted')
    expect(system.calls).toContain('end bg')
    expect(journal.run.map((record) => [record.activity.name, record.status])).toEqual([['background', 'succeeded'], ['inline', undefined]])
  })
})

describe('runExperiment: ungraceful stop', () => {
  it('skips rollbacks even with always and does not await background activities', async () => {
    const stop = new AbortController()
    abortWhen(stop, 'start inline', new InterruptedError('second SIGINT', false))
    const method = [
      // an hour each: a run that awaited them would time the test out
      call('action', 'background', 'mark', { arguments: { label: 'bg', seconds: 3600 }, background: true }),
      call('action', 'inline', 'mark', { arguments: { label: 'inline', seconds: 3600 } }),
    ]
    const journal = await run(experimentWith({ method }), { signal: stop.signal, rollbackStrategy: 'always' })
    expect(journal.status).toBe('interrupted')
    expect(journal.rollbacks).toEqual([])
    expect(system.calls).not.toContain('end bg')
  })

  it('stopSignal stops a run that was already interrupted gracefully during its rollbacks', async () => {
    const graceful = new AbortController()
    const stop = new AbortController()
    abortWhen(graceful, 'start slow')
    abortWhen(stop, 'start rollback')
    const rollbacks = [call('action', 'slow-rollback', 'mark', { arguments: { label: 'rollback', seconds: 30 } }), call('action', 'fix', 'fix_it')]
    const journal = await run(experimentWith({ method: slowMethod, rollbacks }), { signal: graceful.signal, stopSignal: stop.signal, mode: 'strict' })
    expect(journal.status).toBe('interrupted')
    expect(journal.rollbacks.map((record) => [record.activity.name, record.status])).toEqual([['slow-rollback', undefined]])
    expect(system.calls).not.toContain('fix_it')
  })
})

describe('runExperiment: one signal for many runs', () => {
  it('detaches from the caller signal when each run ends, so listeners do not pile up', async () => {
    const controller = new AbortController()
    const added: string[] = []
    const removed: string[] = []
    const signal = controller.signal
    const add = signal.addEventListener.bind(signal)
    const remove = signal.removeEventListener.bind(signal)
    signal.addEventListener = (type: 'abort', listener: (event: Event) => void, options?: { once?: boolean }) => {
      added.push(type)
      add(type, listener, options)
    }
    signal.removeEventListener = (type: 'abort', listener: (event: Event) => void) => {
      removed.push(type)
      remove(type, listener)
    }
    for (let i = 0; i < 3; i += 1) {
      const journal = await run(experimentWith({ method: [call('action', 'quick', 'mark', { arguments: { label: 'quick' } })] }), { signal })
      expect(journal.status).toBe('completed')
    }
    expect(added.length).toBeGreaterThan(0)
    expect(removed).toHaveLength(added.length)
  })
})

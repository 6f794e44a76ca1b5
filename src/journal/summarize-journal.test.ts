import { describe, expect, it } from 'vitest'
import type { Journal } from './types.js'
import { summarizeJournal } from './summarize-journal.js'

const probe = { type: 'probe', name: 'api-up', provider: { type: 'http', url: 'http://127.0.0.1:1/' } } as const
const journal: Journal = {
  'chaoslib-version': '1.45.0', platform: 'Linux', node: 'host',
  experiment: { title: 'drain a node', description: 'd', method: [] },
  start: '2026-11-26T14:47:55.000000+00:00', end: '2026-11-26T14:48:05.500000+00:00', duration: 10.5,
  status: 'completed', deviated: true,
  steady_states: {
    before: { steady_state_met: true, probes: [{ activity: probe, output: { status: 200 }, status: 'succeeded', start: '', tolerance_met: true }] },
    after: { steady_state_met: false, probes: [{ activity: probe, output: { status: 503 }, status: 'succeeded', start: '', tolerance_met: false }] },
    during: [],
  },
  run: [
    { activity: { type: 'action', name: 'drain', provider: probe.provider }, output: null, status: 'failed', start: '', exception: ['  at x\n', 'ActivityFailedError: 403 Forbidden\n'] },
    { activity: { type: 'action', name: 'cut', provider: probe.provider }, output: null, start: '' },
  ],
  rollbacks: [],
  'vitest-chaos': { mode: 'compatible', reason: 'The system deviated.' },
}

describe('summarizeJournal', () => {
  it('says the outcome, each phase, what failed and why', () => {
    expect(summarizeJournal(journal)).toBe([
      'Experiment: drain a node',
      'Status: completed (deviated) after 10.50s',
      'Why: The system deviated.',
      'Steady state before: met (1 probe)',
      'Method: 0 succeeded, 1 failed, 1 cut short',
      "  ✗ action 'drain': ActivityFailedError: 403 Forbidden",
      "  … action 'cut' did not finish",
      `Steady state after: NOT met, probe 'api-up' missed its tolerance (got {"status":503})`,
      'Rollbacks: none run',
      '',
    ].join('\n'))
  })
})

import { describe, expect, it } from 'vitest'
import type { Journal, Run } from '../journal/types.js'
import { verdictOf } from './chaos-run-record.js'
import { describeOutput } from './explain-journal.js'
import { journalPathFor } from './journal-path.js'

const action = (status: Run['status']): Run => ({
  activity: { type: 'action', name: 'drain-nodes', provider: { type: 'python', module: 'chaosk8s.node.actions', func: 'drain_nodes' } },
  output: null,
  status,
  start: '2026-11-26T10:00:00.000000+00:00',
})

const journal = (fields: Partial<Journal>): Journal => ({
  'chaoslib-version': '1.45.0',
  platform: 'linux',
  node: 'test',
  experiment: { title: 't', description: 'd', method: [] },
  start: '',
  end: '',
  duration: 1,
  status: 'completed',
  deviated: false,
  steady_states: { before: { steady_state_met: true, probes: [] }, after: null, during: [] },
  run: [action('succeeded')],
  rollbacks: [],
  ...fields,
})

describe('verdictOf', () => {
  it('reads steady, deviated, not steady before, and inconclusive endings in that precedence', () => {
    expect([
      verdictOf(journal({})),
      verdictOf(journal({ deviated: true })),
      verdictOf(journal({ status: 'failed', deviated: true })),
      verdictOf(journal({ status: 'failed', deviated: true, run: [action('failed')] })),
      verdictOf(journal({ steady_states: { before: { steady_state_met: false, probes: [] }, after: null, during: [] }, run: [] })),
      verdictOf(journal({ status: 'interrupted', deviated: true })),
      verdictOf(journal({ status: 'aborted' })),
    ]).toEqual(['steady', 'deviated', 'deviated', 'failed', 'not-steady-before', 'interrupted', 'aborted'])
  })
})

describe('journalPathFor', () => {
  it('puts each test file in a folder and each test in a file, numbering later runs of the same test', () => {
    expect(journalPathFor({ root: '/repo', testPath: '/repo/e2e/drain.chaos.test.ts', testName: 'Experiment 1 > survives a drain', index: 0 })).toBe(
      '.chaos/journals/e2e-drain/experiment-1-survives-a-drain.json',
    )
    expect(journalPathFor({ dir: '/tmp/j', root: '/repo', testPath: '/repo/e2e/drain.chaos.test.ts', testName: 'survives', index: 2 })).toBe('/tmp/j/e2e-drain/survives-3.json')
    expect(journalPathFor({})).toBe('.chaos/journals/standalone/run.json')
  })
})

describe('describeOutput', () => {
  it('shows process exit codes with stderr, http statuses with the body, and other values as JSON', () => {
    expect(describeOutput({ status: 28, stdout: '', stderr: 'curl: (28) Operation timed out\n' })).toBe('exit code 28, stderr "curl: (28) Operation timed out"')
    expect(describeOutput({ status: 503, headers: {}, body: 'no healthy upstream' })).toBe('status 503, body "no healthy upstream"')
    expect(describeOutput(false)).toBe('false')
  })
})

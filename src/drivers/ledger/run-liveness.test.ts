import { hostname } from 'node:os'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { currentFaultRun } from './fault-run.js'
import { judgeRun } from './run-liveness.js'

describe('judgeRun', () => {
  it('calls this process alive, an exited process on this host dead, another host unknown, and anything past its deadline past-deadline', async () => {
    const now = new Date()
    const run = currentFaultRun(now, {})
    expect(run).toMatchObject({ pid: process.pid, host: hostname(), at: now.toISOString() })
    expect(Date.parse(run.deadline) - now.getTime()).toBe(60 * 60_000)
    expect(judgeRun(run, now)).toBe('alive')
    const exited = execa(process.execPath, ['-e', ''])
    await exited
    expect(judgeRun({ ...run, pid: exited.pid! }, now)).toBe('dead')
    expect(judgeRun({ ...run, host: `not-${hostname()}` }, now)).toBe('unknown')
    expect(judgeRun({ ...run, pid: Number.NaN }, now)).toBe('unknown')
    expect(judgeRun(run, new Date(Date.parse(run.deadline)))).toBe('past-deadline')
  })

  it('takes the run id and the deadline from CHAOS_RUN_ID and CHAOS_FAULT_DEADLINE_MINUTES', () => {
    const now = new Date()
    const run = currentFaultRun(now, { CHAOS_RUN_ID: 'gha-42', CHAOS_FAULT_DEADLINE_MINUTES: '5' })
    expect(run.runId).toBe('gha-42')
    expect(Date.parse(run.deadline) - now.getTime()).toBe(5 * 60_000)
  })
})

import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Action } from '../experiment/types.js'
import { pythonEnv, pythonSkipReason } from '../providers/python/testing/python-env.js'
import { runExperiment } from '../run/run-experiment.js'
import { control, withActivityControls } from './control.js'
import { defineExperiment } from './define-experiment.js'
import { fault } from './fault.js'

const nap: Action = { type: 'action', name: 'nap', provider: { type: 'python', module: 'vitest-chaos.builtins', func: 'sleep', arguments: { duration: 0 } } }

describe('controls in the code-first API', () => {
  it('declares experiment-level and activity-level controls as Chaos Toolkit writes them', () => {
    const audit = control('audit', 'team.controls', { arguments: { level: 2 }, scope: 'after', automatic: false })
    expect(audit).toEqual({ name: 'audit', provider: { type: 'python', module: 'team.controls', arguments: { level: 2 } }, scope: 'after', automatic: false })
    const experiment = defineExperiment({ title: 't', fault: fault('f', { actions: [withActivityControls(nap, audit)] }), controls: [control('tracing', 'chaostracing.control')] })
    expect(experiment.controls).toEqual([{ name: 'tracing', provider: { type: 'python', module: 'chaostracing.control' } }])
    expect(experiment.method[0]).toMatchObject({ name: 'nap', controls: [audit] })
    expect(() => control('', 'x')).toThrow(/give a name and a Python module path/)
  })

  it.skipIf(pythonSkipReason !== undefined)('runs them through the Python bridge', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'authoring-controls-')), 'calls.jsonl')
    const recorder = control('recorder', 'vcfake.controls', { arguments: { path } })
    const experiment = defineExperiment({ title: 'code-first controls', fault: fault('nap', { actions: [withActivityControls(nap, recorder)] }) })
    const journal = await runExperiment(experiment, { env: pythonEnv() })
    expect(journal.status).toBe('completed')
    const hooks = (await readFile(path, 'utf8')).trim().split('\n').map((line) => (JSON.parse(line) as { hook: string }).hook)
    expect(hooks).toEqual(['configure_control', 'before_activity_control', 'after_activity_control', 'cleanup_control'])
  })
})

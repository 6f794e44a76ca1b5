import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call, createTestCatalog, experimentWith } from '../../fixtures/engine/test-catalog.js'
import type { Activity, Experiment } from '../experiment/types.js'
import { normalizeJournal } from '../journal/normalize-journal.js'
import { runExperiment } from './run-experiment.js'
import type { RunOptions } from './run-options.js'

// UPDATE_GOLDEN=1 rewrites the files; review the diff before committing it.
const GOLDEN = join(import.meta.dirname, '../../fixtures/journals')
const echo: Activity = { type: 'probe', name: 'echo-hello', provider: { type: 'process', path: 'echo', arguments: ['hello', '${who}'] } }

const scenarios: [string, Experiment, RunOptions, boolean][] = [
  ['completed', experimentWith({ configuration: { who: 'world' }, method: [echo, call('probe', 'look', 'is_healthy')] }), {}, true],
  ['before-hypothesis-missed', experimentWith({}), {}, false],
  ['deviated', experimentWith({}), {}, true],
  ['failed-action', experimentWith({ method: [call('action', 'will-fail', 'fail', { arguments: { message: 'permission denied' } })] }), {}, true],
  ['strict-failed-action', experimentWith({ method: [call('action', 'will-fail', 'fail', { arguments: { message: 'permission denied' } })] }), { mode: 'strict' }, true],
]

describe('golden journals (fixtures/journals)', () => {
  it.each(scenarios)('%s matches its golden journal once times, host and stack frames are normalised', async (name, experiment, options, healthy) => {
    const journal = normalizeJournal(await runExperiment(experiment, { catalog: createTestCatalog({ healthy, calls: [] }), ...options }))
    const path = join(GOLDEN, `${name}.json`)
    if (process.env.UPDATE_GOLDEN) {
      await writeFile(path, `${JSON.stringify(journal, null, 2)}\n`)
      console.warn(`golden journal written: ${path}`)
    }
    expect(journal).toEqual(JSON.parse(await readFile(path, 'utf8')))
  })
})

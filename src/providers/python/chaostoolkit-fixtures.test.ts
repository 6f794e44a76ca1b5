import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../cli/main.js'
import type { Journal, SteadyState } from '../../journal/types.js'
import { pythonSkipReason } from './testing/python-env.js'

// Chaos Toolkit's own fixture experiments (fixtures/chaostoolkit/, Apache-2.0), run by `vitest-chaos run`
// and compared with what `chaos run` ends with (fixtures/chaostoolkit/expected.json says where each figure comes from).
const FIXTURES = join(import.meta.dirname, '../../../fixtures/chaostoolkit')

interface Case {
  file: string
  args: string[]
  setup: string[]
  from: string
  expect: { exit: number; status: string; deviated: boolean; before: string[] | null; after: string[] | null; afterMet?: boolean; during?: boolean; run: string[]; rollbacks: string[] }
}

const { cases } = JSON.parse(await readFile(join(FIXTURES, 'expected.json'), 'utf8')) as { cases: Case[] }

const statuses = (state: SteadyState | null) => (state === null ? null : state.probes.map((probe) => probe.status))

const runInDirectory = async (testCase: Case) => {
  const cwd = await mkdtemp(join(tmpdir(), 'ctk-fixture-'))
  for (const file of testCase.setup) {
    await mkdir(dirname(join(cwd, file)), { recursive: true })
    await writeFile(join(cwd, file), '')
  }
  const journalPath = join(cwd, 'journal.json')
  const previous = process.cwd()
  process.chdir(cwd)
  let stderr = ''
  try {
    const exit = await main(['run', join(FIXTURES, testCase.file), '--journal-path', journalPath, ...testCase.args], { stdout: () => undefined, stderr: (text) => void (stderr += text), signal: new AbortController().signal })
    return { exit, stderr, journal: JSON.parse(await readFile(journalPath, 'utf8')) as Journal }
  } finally {
    process.chdir(previous)
  }
}

describe.skipIf(pythonSkipReason !== undefined)("Chaos Toolkit's fixture experiments under vitest-chaos run", () => {
  const saved = process.env.PYTHONPATH
  beforeAll(() => {
    process.env.PYTHONPATH = join(FIXTURES, 'python')
  })
  afterAll(() => {
    if (saved === undefined) delete process.env.PYTHONPATH
    else process.env.PYTHONPATH = saved
  })

  it.each(cases.map((testCase) => [`${testCase.file} ${testCase.args.join(' ')}`.trim(), testCase] as const))('%s ends as chaos run does', async (_, testCase) => {
    const { exit, stderr, journal } = await runInDirectory(testCase)
    const outcome = {
      exit,
      status: journal.status,
      deviated: journal.deviated,
      before: statuses(journal.steady_states.before),
      after: statuses(journal.steady_states.after),
      run: journal.run.map((run) => run.status ?? null),
      rollbacks: journal.rollbacks.map((run) => run.status ?? null),
    }
    const { afterMet, during, ...expected } = testCase.expect
    expect(outcome, `${testCase.from}\n${stderr}`).toEqual(expected)
    if (afterMet !== undefined) expect(journal.steady_states.after?.steady_state_met).toBe(afterMet)
    if (during) expect(journal.steady_states.during.length).toBeGreaterThan(0)
  })
})

import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { startVitest } from 'vitest/node'

const project = fileURLToPath(new URL('../../e2e/fixtures/timeout-project/', import.meta.url))

const runFixture = async (testTimeout?: number) => {
  process.env.CHAOS_FIXTURE_CONFIGURED_TIMEOUT = String(testTimeout ?? 0)
  const vitest = await startVitest('test', [], {
    root: project, config: false, include: ['*.fixture.ts'], watch: false, reporters: [], ...(testTimeout && { testTimeout }),
  })
  const results = vitest.state.getTestModules().flatMap((module) => [...module.children.allTests()].map((test) => [test.name, test.result().state, test.result().errors?.[0]?.message]))
  process.exitCode = 0
  await vitest.close()
  delete process.env.CHAOS_FIXTURE_CONFIGURED_TIMEOUT
  return results
}

describe('chaosTest timeouts without a config', () => {
  it('gives chaos tests and experiment files their own timeouts, and leaves passed ones alone', async () => {
    const results = await runFixture()
    expect(results.filter(([, state]) => state !== 'passed' && state !== 'skipped')).toEqual([])
    expect(results.filter(([, state]) => state === 'passed')).toHaveLength(5)
  }, 60_000)

  it('keeps a configured testTimeout', async () => {
    const results = await runFixture(42_000)
    expect(results.filter(([, state]) => state !== 'passed' && state !== 'skipped')).toEqual([])
  }, 60_000)
})

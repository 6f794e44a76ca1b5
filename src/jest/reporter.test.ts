import { execa } from 'execa'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ChaosJestReporter from './reporter.js'

const repository = fileURLToPath(new URL('../../', import.meta.url))
const fixture = join(repository, 'e2e/fixtures/jest-reporter-project')

describe('the Jest reporter after a real Jest run', () => {
  let dir: string
  let printed = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chaos-jest-reporter-'))
    const config = {
      rootDir: fixture,
      testMatch: ['<rootDir>/*.jest.fixture.ts'],
      testEnvironment: 'node',
      extensionsToTreatAsEsm: ['.ts'],
      transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }] },
      moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
      reporters: [],
    }
    await writeFile(join(dir, 'jest.config.json'), JSON.stringify(config))
    const reporter = new ChaosJestReporter(undefined, { githubStepSummary: false, print: false })
    Object.assign(reporter, { root: dir })
    await reporter.onRunStart()
    // the test files run in Jest (their own process), from the temporary folder, as a user's project would
    const jest = await execa(process.execPath, ['--experimental-vm-modules', join(repository, 'node_modules/jest/bin/jest.js'), '-c', join(dir, 'jest.config.json'), '--json', `--outputFile=${join(dir, 'results.json')}`], { cwd: dir, reject: false })
    printed = jest.stderr
    const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as { testResults: { name: string; assertionResults: { fullName: string; status: string; duration?: number }[] }[] }
    // --json names the fields as Jest's JSON output does; a reporter receives the same data as testFilePath/testResults
    await reporter.onRunComplete(undefined, { testResults: results.testResults.map((file) => ({ testFilePath: file.name, testResults: file.assertionResults })) })
  }, 120_000)
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('writes the Markdown summary with each test, its verdict and its journal', async () => {
    const markdown = await readFile(join(dir, '.chaos', 'summary.md'), 'utf8')
    expect(markdown, printed).toContain('2 chaos tests (1 failed), 2 runs, 1 steady.')
    expect(markdown).toContain('| a harmless action keeps the flag absent | **steady** | a harmless action | do-nothing |')
    expect(markdown).toContain('| ❌ writing the flag is caught | **deviated** | writing the flag breaks the service | write-flag |')
  })

  it('writes the HTML report with one section per chaos test and their journals', async () => {
    const html = await readFile(join(dir, '.chaos', 'report.html'), 'utf8')
    expect(html.match(/<section class="test (passed|failed)"/g)?.sort()).toEqual(['<section class="test failed"', '<section class="test passed"'])
    const journals = (await readdir(join(dir, '.chaos', 'journals'), { recursive: true })).filter((file) => file.endsWith('writing-the-flag-is-caught.json'))
    expect(journals).toHaveLength(1)
    const journal = JSON.parse(await readFile(join(dir, '.chaos', 'journals', journals[0]!), 'utf8')) as { deviated: boolean }
    expect(journal.deviated).toBe(true)
  })
})

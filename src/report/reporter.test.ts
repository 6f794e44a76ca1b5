import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startVitest } from 'vitest/node'
import type { Journal } from '../journal/types.js'
import ChaosReporter from './chaos-reporter.js'

const collect = (lines: string[]) =>
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString())
      done()
    },
  }) as NodeJS.WriteStream

const project = fileURLToPath(new URL('../../e2e/fixtures/reporter-project/', import.meta.url))

describe('ChaosReporter inside a real Vitest run', () => {
  let dir: string
  let printed: string
  let exitCode: number | undefined
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chaos-reporter-'))
    const stepSummary = join(dir, 'step-summary.md')
    await writeFile(stepSummary, '# earlier step\n')
    process.env.CHAOS_FIXTURE_DIR = dir
    process.env.CHAOS_FIXTURE_JOURNALS = join(dir, 'journals')
    const lines: string[] = []
    const reporter = new ChaosReporter({ summaryPath: join(dir, 'summary.md'), htmlPath: join(dir, 'report.html'), env: { GITHUB_STEP_SUMMARY: stepSummary } })
    const vitest = await startVitest('test', [], {
      root: project,
      config: false,
      include: ['*.fixture.ts'],
      watch: false,
      reporters: [reporter, 'junit'],
      outputFile: { junit: join(dir, 'junit.xml') },
      onConsoleLog: () => false,
    }, {}, { stdout: collect(lines), stderr: collect([]) })
    exitCode = Number(process.exitCode)
    process.exitCode = 0
    await vitest.close()
    printed = lines.join('')
  }, 60_000)
  afterAll(async () => {
    delete process.env.CHAOS_FIXTURE_DIR
    delete process.env.CHAOS_FIXTURE_JOURNALS
    await rm(dir, { recursive: true, force: true })
  })

  it('fails the run because one chaos test deviated', () => {
    expect(exitCode).toBe(1)
  })

  it('writes one journal per chaos run where the matcher said it would be', async () => {
    const files = (await readdir(join(dir, 'journals'), { recursive: true })).filter((file) => file.endsWith('.json')).sort()
    expect(files).toEqual([
      'e2e-fixtures-reporter-project-runs/a-harmless-action-keeps-the-flag-absent.json',
      'e2e-fixtures-reporter-project-runs/a-local-server-stays-steady-under-load-while-an-action-runs.json',
      'e2e-fixtures-reporter-project-runs/writing-the-flag-is-caught.json',
    ])
    const deviated = JSON.parse(await readFile(join(dir, 'journals', files[2]!), 'utf8')) as Journal
    expect([deviated.status, deviated.deviated, deviated.rollbacks.map((run) => run.activity.name)]).toEqual(['completed', true, ['remove-flag']])
  })

  it('prints a summary per chaos test and skips tests without chaos runs', () => {
    const summary = printed.slice(printed.indexOf('✓ chaos:'))
    expect(summary).toContain('✓ chaos: a harmless action keeps the flag absent\n    steady    a harmless action\n      faults: do-nothing · recovery: -\n')
    expect(summary).toContain('✗ chaos: writing the flag is caught\n    deviated  writing the flag breaks the service\n      faults: write-flag · recovery: -\n')
    expect(summary).not.toContain('plain test')
  })

  it('writes the Markdown summary and appends it to $GITHUB_STEP_SUMMARY', async () => {
    const markdown = await readFile(join(dir, 'summary.md'), 'utf8')
    const [loadRow, ...rows] = markdown.split('\n').sort((a, b) => Number(b.includes('req/s')) - Number(a.includes('req/s')))
    expect(loadRow).toMatch(/^\| a local server stays steady under load while an action runs \| \*\*steady\*\* \| .* \| wait-2s \| [\d.]+(ms|s) \| baseline \d+ req\/s p99 .* errors 0\.0% \(0\/\d+\); fault \d+ req\/s .*; recovery \d+ req\/s .* \|/)
    expect(rows.join('\n').replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "## Chaos experiments

      3 chaos tests (1 failed), 3 runs, 2 steady.

      | test | verdict | experiment | faults | recovery | load | journal |
      | --- | --- | --- | --- | --- | --- | --- |
      | a harmless action keeps the flag absent | **steady** | a harmless action | do-nothing | - | - | \`<dir>/journals/e2e-fixtures-reporter-project-runs/a-harmless-action-keeps-the-flag-absent.json\` |
      | ❌ writing the flag is caught | **deviated** | writing the flag breaks the service | write-flag | - | - | \`<dir>/journals/e2e-fixtures-reporter-project-runs/writing-the-flag-is-caught.json\` |
      "
    `)
    expect(await readFile(join(dir, 'step-summary.md'), 'utf8')).toBe(`# earlier step\n${markdown}\n`)
  })

  it('writes an HTML report with the load timeline of the run that had load', async () => {
    const html = await readFile(join(dir, 'report.html'), 'utf8')
    expect(html.match(/<section class="(passed|failed)">/g)).toEqual(['<section class="passed">', '<section class="failed">', '<section class="passed">'])
    expect(html.match(/<svg [^>]*aria-label="([^"]+)"/g)).toEqual(['<svg xmlns="http://www.w3.org/2000/svg" width="640" height="160" role="img" aria-label="load timeline of the server answers during a 2 s action"'])
  })

  it('leaves the junit reporter working beside it', async () => {
    const junit = await readFile(join(dir, 'junit.xml'), 'utf8')
    expect(junit).toContain('tests="4" failures="1"')
    const journal = join(dir, 'journals', 'e2e-fixtures-reporter-project-runs', 'a-harmless-action-keeps-the-flag-absent.json')
    expect(junit).toContain(`<property name="chaos-journal" value="steady: a harmless action (journal ${journal})">`)
  })
})

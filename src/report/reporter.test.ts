import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startVitest } from 'vitest/node'
import type { Journal } from '../journal/types.js'
import ChaosReporter from './chaos-reporter.js'
import { chromiumMissingReason, inkShare, launchChromium } from './testing/headless-chromium.js'

const collect = (lines: string[]) =>
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString())
      done()
    },
  }) as NodeJS.WriteStream

const chromiumMissing = chromiumMissingReason()
if (chromiumMissing) console.warn(`reporter.test.ts: the Chromium checks are skipped: ${chromiumMissing}`)

const attributes = async (locator: Locator, name: string) => Promise.all((await locator.all()).map((element) => element.getAttribute(name)))

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

  it('writes an HTML report with a timeline per run, load panels only for the run that had load', async () => {
    const html = await readFile(join(dir, 'report.html'), 'utf8')
    expect(html.match(/<section class="test (passed|failed)"/g)).toEqual(['<section class="test passed"', '<section class="test failed"', '<section class="test passed"'])
    expect(html.match(/aria-label="timeline of [^"]+"/g)).toEqual(['aria-label="timeline of a harmless action"', 'aria-label="timeline of writing the flag breaks the service"', 'aria-label="timeline of the server answers during a 2 s action"'])
    expect(html.match(/<g class="panel" data-metric="[^"]+"/g)).toHaveLength(3)
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/)
  })

  describe.skipIf(chromiumMissing !== undefined)('opened in headless Chromium', () => {
    let browser: Awaited<ReturnType<typeof launchChromium>>
    const requests: string[] = []
    beforeAll(async () => {
      browser = await launchChromium()
    }, 60_000)
    afterAll(() => browser?.close())

    it('shows the overview, one section per chaos test, labelled phases, marks and the load panels, fetching nothing', async () => {
      const page = await browser.context.newPage()
      page.on('request', (request) => void (request.url().startsWith('file:') || requests.push(request.url())))
      await page.goto(pathToFileURL(join(dir, 'report.html')).href)
      expect(await page.locator('section.overview tbody tr').count()).toBe(3)
      expect(await page.locator('section.test').count()).toBe(3)
      expect(await page.locator('svg.timeline').count()).toBe(3)
      const loaded = page.locator('section.test', { hasText: 'under load' })
      expect(await loaded.locator('.phase-label').allTextContents()).toEqual(['baseline', 'fault', 'recovery'])
      expect(await attributes(loaded.locator('.panel'), 'data-metric')).toEqual(['throughput', 'error-rate', 'latency'])
      expect(await loaded.locator('.x-axis text').last().textContent()).toContain('time since the experiment started (s)')
      expect(new Set(await attributes(page.locator('.mark'), 'data-kind'))).toEqual(new Set(['activity-start', 'activity-end', 'rollback', 'recovered']))
      expect(await page.locator('table.probes').first().locator('tbody tr').count()).toBe(1)
      expect(requests).toEqual([])
      await page.close()
    })

    it('renders a screenshot that is not blank', async () => {
      const page = await browser.context.newPage()
      await page.goto(pathToFileURL(join(dir, 'report.html')).href)
      const png = await page.screenshot({ fullPage: true, ...(process.env.CHAOS_REPORT_SCREENSHOT && { path: process.env.CHAOS_REPORT_SCREENSHOT }) })
      await page.close()
      expect(await inkShare(browser.context, png)).toBeGreaterThan(0.02)
    })
  })

  it('leaves the junit reporter working beside it', async () => {
    const junit = await readFile(join(dir, 'junit.xml'), 'utf8')
    expect(junit).toContain('tests="4" failures="1"')
    const journal = join(dir, 'journals', 'e2e-fixtures-reporter-project-runs', 'a-harmless-action-keeps-the-flag-absent.json')
    expect(junit).toContain(`<property name="chaos-journal" value="steady: a harmless action (journal ${journal})">`)
  })
})

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startVitest } from 'vitest/node'
import type { Journal } from '../journal/types.js'
import { extrasOf } from '../session/journal-extras.js'
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

// the widths of a step path's horizontal segments (`M x,y L x2,y` per bucket), in px
const horizontalSteps = (path: string): number[] =>
  [...path.matchAll(/[ML]([\d.]+),([\d.]+)L([\d.]+),([\d.]+)/g)].map(([, x1, , x2]) => Number(x2) - Number(x1))

// px per second on a timeline's x axis, from two of its labelled ticks
const secondsAxisScale = (svg: string): number => {
  const axis = svg.slice(svg.indexOf('<g class="x-axis">'))
  const ticks = [...axis.matchAll(/<text x="([\d.]+)"[^>]*>(\d+(?:\.\d+)?)<\/text>/g)].map(([, x, label]) => [Number(x), Number(label)] as const)
  const [first, second] = ticks as [readonly [number, number], readonly [number, number]]
  return (second[0] - first[0]) / (second[1] - first[1])
}

const project = fileURLToPath(new URL('../../e2e/fixtures/reporter-project/', import.meta.url))

describe('ChaosReporter inside a real Vitest run', () => {
  let dir: string
  let printed: string
  let streamed: string
  let printedErrors: string
  let exitCode: number | undefined
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chaos-reporter-'))
    const stepSummary = join(dir, 'step-summary.md')
    await writeFile(stepSummary, '# earlier step\n')
    process.env.CHAOS_FIXTURE_DIR = dir
    process.env.CHAOS_FIXTURE_JOURNALS = join(dir, 'journals')
    const lines: string[] = []
    const errorLines: string[] = []
    // the summary is read where the reporter logs it: a nested Vitest's logger stream once came back empty in a
    // full `npm test` (journals and reports written, even junit's own line missing), which is not this reporter's doing
    const logged: string[] = []
    class LoggedChaosReporter extends ChaosReporter {
      override onTestRunEnd(modules: Parameters<ChaosReporter['onTestRunEnd']>[0]): Promise<void> {
        const toLogger = this.log
        this.log = (text) => {
          logged.push(`${text}\n`)
          toLogger(text)
        }
        return super.onTestRunEnd(modules)
      }
    }
    const reporter = new LoggedChaosReporter({ summaryPath: join(dir, 'summary.md'), htmlPath: join(dir, 'report.html'), env: { GITHUB_STEP_SUMMARY: stepSummary } })
    const vitest = await startVitest('test', [], {
      root: project,
      config: false,
      include: ['*.fixture.ts'],
      watch: false,
      reporters: [reporter, 'junit'],
      outputFile: { junit: join(dir, 'junit.xml') },
      onConsoleLog: () => false,
    }, {}, { stdout: collect(lines), stderr: collect(errorLines) })
    exitCode = Number(process.exitCode)
    process.exitCode = 0
    await vitest.close()
    printed = logged.join('')
    streamed = lines.join('')
    printedErrors = errorLines.join('')
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
    const collected = `the reporter logged:\n${printed}\nthe run printed on stdout:\n${streamed}\nand on stderr:\n${printedErrors}`
    expect(summary, collected).toContain('✓ chaos: a harmless action keeps the flag absent\n    steady    a harmless action\n      faults: do-nothing · recovery: -\n')
    expect(summary, collected).toContain('✗ chaos: writing the flag is caught\n    deviated  writing the flag breaks the service\n      faults: write-flag · recovery: -\n')
    expect(summary, collected).not.toContain('plain test')
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

  it('records the load at 100 ms in the journal and draws one step per 100 ms bucket', async () => {
    const journalFile = join(dir, 'journals', 'e2e-fixtures-reporter-project-runs', 'a-local-server-stays-steady-under-load-while-an-action-runs.json')
    const load = extrasOf(JSON.parse(await readFile(journalFile, 'utf8')) as Journal).load!
    expect(load.bucketMs).toBe(100)
    const buckets = load.buckets!
    // a load of a few seconds: ten buckets in each whole second, as many as its duration holds
    expect(load.durationMs! / 1000).toBeGreaterThan(3)
    expect(buckets.length).toBeGreaterThanOrEqual(Math.floor(load.durationMs! / 100))
    expect(buckets.length).toBeLessThanOrEqual(Math.ceil(load.durationMs! / 100) + 1)
    for (const second of [0, 1, 2]) expect(buckets.filter((bucket) => Math.floor(bucket.atMs / 1000) === second)).toHaveLength(10)
    expect(buckets.reduce((sum, bucket) => sum + bucket.responses, 0)).toBe(load.total!.responses)
    // the per-second timeline stays, for readers of the older figures
    expect(load.timeline).toHaveLength(Math.ceil(load.durationMs! / 1000))

    const html = await readFile(join(dir, 'report.html'), 'utf8')
    const svg = html.slice(html.indexOf('aria-label="timeline of the server answers during a 2 s action"'))
    const steps = horizontalSteps(/data-series="answered requests per second[^"]*" [^>]* d="([^"]+)"/.exec(svg)![1]!)
    expect(steps).toHaveLength(buckets.length)
    // step widths against the x axis's own seconds: ten steps a second (the last one is cut where the load stopped)
    const pxPerSecond = secondsAxisScale(svg)
    for (const width of steps.slice(0, -1)) expect((width / pxPerSecond) * 1000).toBeCloseTo(100, -1)
    expect(svg).toContain('load figures per 100 ms bucket')
    expect(svg).toContain('answered requests per second, counted per 100 ms')
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
      expect(await loaded.locator('.x-axis text').last().textContent()).toContain('time since the experiment started (s) · load figures per 100 ms bucket')
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

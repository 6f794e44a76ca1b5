// Concurrent chaos tests and a run started in beforeAll each record on their own test (task.meta and journal).
// The tests are real Vitest tests (e2e/fixtures/scope-project) run through startVitest, with a local service that
// holds each fault's action until the others arrive, so the runs certainly overlap.
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startVitest } from 'vitest/node'
import type { RunnerTestCase } from 'vitest'
import type { Journal } from '../src/journal/types.js'
import { DEFAULT_JOURNAL_DIR } from '../src/session/journal-path.js'

const project = fileURLToPath(new URL('./fixtures/scope-project/', import.meta.url))
const silent = () => new Writable({ write: (_chunk, _encoding, done) => done() }) as NodeJS.WriteStream
const defaultJournals = join(process.cwd(), DEFAULT_JOURNAL_DIR, 'e2e-fixtures-scope-project-concurrent')
const earlyJournal = join(defaultJournals, 'run.json')
const plainJournal = join(defaultJournals, 'plain.json')
const MEETINGS = [['early', 'first', 'second'], ['first-inject', 'second-inject']]

/** A service whose POST /meet/<who> answers only once everyone of <who>'s meeting has arrived. */
const startMeetingService = async (): Promise<{ server: Server; url: string }> => {
  const waiting = new Map<string, ServerResponse>()
  const server = createServer((request, response) => {
    const who = /^\/meet\/(.+)$/.exec(request.url ?? '')?.[1]
    if (request.method !== 'POST' || !who) return void response.end('ok')
    waiting.set(who, response)
    const meeting = MEETINGS.find((names) => names.includes(who)) ?? [who]
    if (meeting.every((name) => waiting.has(name))) for (const name of meeting) waiting.get(name)!.end('met')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

describe('a chaos run is recorded on the test that started it', () => {
  let service: Awaited<ReturnType<typeof startMeetingService>>
  let journals: string
  let tests: Map<string, RunnerTestCase>
  const saved = { ...process.env }

  beforeAll(async () => {
    await rm(defaultJournals, { recursive: true, force: true })
    service = await startMeetingService()
    journals = await mkdtemp(join(tmpdir(), 'scope-journals-'))
    Object.assign(process.env, { CHAOS_FIXTURE_SERVICE: service.url, CHAOS_FIXTURE_JOURNALS: journals })
    const vitest = await startVitest('test', [], { root: project, config: false, include: ['*.fixture.ts'], watch: false, reporters: [] }, {}, { stdout: silent(), stderr: silent() })
    process.exitCode = 0
    await vitest.close()
    const file = vitest.state.getFiles()[0]!
    tests = new Map(file.tasks.flatMap((task) => (task.type === 'suite' ? task.tasks : [task])).map((task) => [task.name, task as RunnerTestCase]))
  }, 120_000)

  afterAll(async () => {
    process.env = saved
    service?.server.closeAllConnections()
    await new Promise((resolve) => service?.server.close(resolve))
    if (journals) await rm(journals, { recursive: true, force: true })
    await rm(defaultJournals, { recursive: true, force: true })
  })

  it('runs both concurrent tests to a pass', () => {
    expect([...tests.values()].map((test) => [test.name, test.result?.state, test.result?.errors?.[0]?.message])).toEqual([
      ['first', 'pass', undefined],
      ['second', 'pass', undefined],
      ['plain', 'pass', undefined],
    ])
  })

  it('keeps only its own runs, with their load reports, in each test task.meta', () => {
    const runs = (name: string) => tests.get(name)!.meta.chaos!.runs.map((run) => [run.title, run.load?.phases.baseline !== undefined])
    expect(runs('first')).toEqual([
      ['first: the service answers during first: wait for the others', true],
      ['first: inject', false],
    ])
    expect(runs('second')).toEqual([
      ['second: the service answers during second: wait for the others', true],
      ['second: the service still answers', false],
      ['second: inject', false],
    ])
  })

  it('writes each run journal under its own test, rollbacks included', async () => {
    for (const [name, test] of [...tests].filter(([name]) => name !== 'plain')) {
      for (const run of test.meta.chaos!.runs) {
        expect(run.journalPath).toMatch(new RegExp(`/two-tests-at-once-${name}(-\\d)?\\.json$`))
        const journal = JSON.parse(await readFile(run.journalPath, 'utf8')) as Journal
        expect(journal.experiment.title).toBe(run.title)
        expect(journal.rollbacks.map((rollback) => rollback.activity.name).every((activity) => activity.startsWith(name))).toBe(true)
      }
    }
    const injected = JSON.parse(await readFile(tests.get('first')!.meta.chaos!.runs[1]!.journalPath, 'utf8')) as Journal
    expect(injected.rollbacks.map((rollback) => [rollback.activity.name, rollback.status])).toEqual([['first-inject-rolls-back', 'succeeded']])
  })

  it('records the run of a plain test after them on none of them', async () => {
    expect(tests.get('plain')!.meta.chaos).toBeUndefined()
    const plain = JSON.parse(await readFile(plainJournal, 'utf8')) as Journal
    expect(plain.experiment.title).toBe('plain: the service answers during plain: touch the service')
  })

  it('records the run started in beforeAll on no test, in a journal of its own', async () => {
    // outside a test there is no journalDir option to follow, so it goes to the default folder
    const early = JSON.parse(await readFile(earlyJournal, 'utf8')) as Journal
    expect(early.experiment.title).toBe('early: the service answers during early: wait for the others')
    expect(early.rollbacks.map((rollback) => [rollback.activity.name, rollback.status])).toEqual([['early-rolls-back', 'succeeded']])
  })
})

// Under Jest too, concurrent chaos tests record each run on the test that started it (journal per test name).
// A local service holds each fault's action until the other test's arrives, so the two runs certainly overlap.
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe } from '@jest/globals'
import type { Action } from '../../src/experiment/types.js'
import type { Journal } from '../../src/journal/types.js'
import { fault, http, steadyState } from '../../src/index.js'
import { createChaosTest, expect } from '../../src/jest/index.js'

const journals = mkdtempSync(join(tmpdir(), 'jest-scope-journals-'))
const chaosTest = createChaosTest({ cluster: false, journalDir: journals })
let server: Server
let url = ''
const waiting = new Map<string, ServerResponse>()

beforeAll(async () => {
  server = createServer((request, response) => {
    const who = /^\/meet\/(.+)$/.exec(request.url ?? '')?.[1]
    if (request.method !== 'POST' || !who) return void response.end('ok')
    waiting.set(who, response)
    if (waiting.size === 2) for (const held of waiting.values()) held.end('met')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await rm(journals, { recursive: true, force: true })
})

const answers = (who: string) => steadyState(`${who}: the service answers`, [http.probe(`${who}-service-answers`, { url: `${url}/`, timeout: '5s' })])
const meet = (who: string): Action => ({ type: 'action', name: `${who}-meets-the-other`, provider: { type: 'http', url: `${url}/meet/${who}`, method: 'POST', timeout: 20 } })
const meeting = (who: string) => fault(`${who}: wait for the other`, { actions: [meet(who)], rollbacks: [{ type: 'action', name: `${who}-rolls-back`, provider: { type: 'http', url: `${url}/` } }] })

describe('concurrent chaos tests under Jest', () => {
  chaosTest.concurrent('first', async () => {
    await expect(answers('first')).toStaySteadyDuring(meeting('first'), { load: { url, connections: 1, rate: 20, baseline: '100ms' } })
  })

  chaosTest.concurrent('second', async ({ chaos }) => {
    await expect(answers('second')).toStaySteadyDuring(meeting('second'), { load: { url, connections: 1, rate: 20, baseline: '300ms' } })
    await chaos.run({ title: 'second: the service still answers', steadyState: answers('second') })
  })
})

describe('after the concurrent tests', () => {
  chaosTest('finds each run in a journal named after its own test', async () => {
    const folder = (await readdir(journals))[0]!
    const files = (await readdir(join(journals, folder))).sort()
    const titles = await Promise.all(files.map(async (file) => [file, (JSON.parse(await readFile(join(journals, folder, file), 'utf8')) as Journal).experiment.title]))
    expect(titles).toEqual([
      ['first.json', 'first: the service answers during first: wait for the other'],
      ['second-2.json', 'second: the service still answers'],
      ['second.json', 'second: the service answers during second: wait for the other'],
    ])
  })
})

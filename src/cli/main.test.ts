import { existsSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Journal } from '../journal/types.js'
import { main } from './main.js'

const FIXTURES = join(import.meta.dirname, '../../fixtures/engine')
const SWITCHABLE = join(FIXTURES, 'switchable-service.json')

let healthy = true
let server: Server
let dir = ''
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/break') healthy = false
    if (request.url === '/fix') healthy = true
    response.writeHead(request.url === '/health' && !healthy ? 500 : 200).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  process.env.ENGINE_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  dir = await mkdtemp(join(tmpdir(), 'cli-'))
})
afterAll(() => {
  server.close()
  delete process.env.ENGINE_BASE_URL
})
beforeEach(() => {
  healthy = true
})

const cli = async (argv: string[], signal = new AbortController().signal) => {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), signal })
  return { code, stdout, stderr }
}
const readJournal = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Journal

describe('vitest-chaos run', () => {
  it('exits 0 for a completed run, prints chaos-run-like log lines to stderr and writes the journal', async () => {
    const journalPath = join(dir, 'ok.json')
    const { code, stdout, stderr } = await cli(['run', SWITCHABLE, '--journal-path', journalPath])
    expect(code).toBe(0)
    const lines = stderr.trimEnd().split('\n')
    expect(lines.every((line) => /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (INFO|WARNING|ERROR|CRITICAL|DEBUG)\] /.test(line))).toBe(true)
    const messages = lines.map((line) => line.replace(/^\[[^\]]+\] /, ''))
    expect(messages).toEqual(expect.arrayContaining([
      'Steady-state strategy: default', 'Rollbacks strategy: default', 'Probe: service-answers-200', 'Action: switch-the-service',
      'Pausing after activity for 0.1s...', 'Rollback: fix-the-service', 'Experiment ended with status: completed',
    ]))
    expect(messages.at(-1)).toBe('Experiment ended with status: completed')
    expect(stdout).toContain('Status: completed')
    expect(stdout).toContain(`Journal: ${journalPath}`)
    const journal = await readJournal(journalPath)
    expect(journal.experiment.title).toBe(`The service at ${process.env.ENGINE_BASE_URL} stays healthy while it is switched`)
    expect(journal.run.map((run) => run.status)).toEqual(['succeeded', 'succeeded'])
    expect(journal.run[1]?.output).toEqual({ status: 0, stdout: process.version, stderr: '' })
  })

  it('exits 1 when the system deviates, and plays the rollback', async () => {
    const journalPath = join(dir, 'deviated.json')
    const { code, stderr } = await cli(['run', SWITCHABLE, '--journal-path', journalPath, '--var', 'method_path=/break'])
    expect(code).toBe(1)
    expect(stderr).toContain('Experiment ended with status: deviated')
    const journal = await readJournal(journalPath)
    expect(journal).toMatchObject({ status: 'completed', deviated: true })
    expect(journal.rollbacks[0]?.status).toBe('succeeded')
    expect(healthy).toBe(true)
  })

  it('exits 0 when the hypothesis misses before the method (chaoslib >= 1.35), rollbacks played', async () => {
    healthy = false
    const journalPath = join(dir, 'gate.json')
    const { code } = await cli(['run', SWITCHABLE, '--journal-path', journalPath])
    expect(code).toBe(0)
    const journal = await readJournal(journalPath)
    expect(journal).toMatchObject({ status: 'completed', deviated: false, run: [] })
    expect(journal.rollbacks).toHaveLength(1)
  })

  it('exits 1 with --strict when the before-hypothesis misses', async () => {
    healthy = false
    const { code } = await cli(['run', SWITCHABLE, '--journal-path', join(dir, 'strict.json'), '--strict'])
    expect(code).toBe(1)
  })

  it('writes the journal and exits 1 when interrupted, the in-flight record left without status', async () => {
    const journalPath = join(dir, 'interrupted.json')
    const controller = new AbortController()
    setTimeout(() => controller.abort('SIGINT'), 300)
    const { code, stderr } = await cli(['run', join(FIXTURES, 'slow-method.json'), '--journal-path', journalPath, '--rollback-strategy', 'always'], controller.signal)
    expect(code).toBe(1)
    expect(stderr).toContain('Experiment ended with status: interrupted')
    const journal = await readJournal(journalPath)
    expect(journal.status).toBe('interrupted')
    expect(journal.run[0]).not.toHaveProperty('status')
    expect(journal.rollbacks[0]?.output).toEqual({ status: 0, stdout: 'done\n', stderr: '' })
  })

  it('reports every validation issue on its own line with file:line:col, and exits 1', async () => {
    const { code, stderr } = await cli(['run', join(FIXTURES, 'invalid.yaml'), '--journal-path', join(dir, 'never.json')])
    expect(code).toBe(1)
    expect(stderr).toContain('hypothesis probe must have a tolerance entry')
    expect(stderr).toMatch(/invalid\.yaml:\d+:\d+ +argument 'colour' is not part of the function signature in activity 'read_env'/)
    expect(stderr).toMatch(/invalid\.yaml:\d+:\d+ +path 'no-such-tool-for-vitest-chaos' cannot be found, in activity 'missing-tool'/)
    expect(stderr).toContain("unknown provider type 'telepathy'")
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(join(dir, 'never.json'))).toBe(false)
  })

  it('one clean line for an unreadable file, bad YAML and a missing env key', async () => {
    const missing = await cli(['run', join(dir, 'nope.json')])
    expect(missing.code).toBe(1)
    expect(missing.stderr.startsWith(`vitest-chaos run: Path "${join(dir, 'nope.json')}" does not exist.`)).toBe(true)
    expect(missing.stderr.split('\n')).toHaveLength(2)
    const bad = join(dir, 'bad.yaml')
    await writeFile(bad, 'title: [unclosed\n')
    const yaml = await cli(['run', bad])
    expect(yaml.code).toBe(1)
    expect(yaml.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(yaml.stderr).toContain('Failed parsing YAML experiment')
    const saved = process.env.ENGINE_BASE_URL
    delete process.env.ENGINE_BASE_URL
    try {
      const env = await cli(['run', SWITCHABLE, '--no-validation', '--journal-path', join(dir, 'env.json')])
      expect(env.code).toBe(1)
      expect(env.stderr).toContain('Configuration makes reference to an environment key that does not exist: ENGINE_BASE_URL')
      expect(existsSync(join(dir, 'env.json'))).toBe(false)
    } finally {
      process.env.ENGINE_BASE_URL = saved
    }
  })

  it('exits 2 on bad usage', async () => {
    expect((await cli(['run', SWITCHABLE, '--rollback-strategy', 'sometimes'])).code).toBe(2)
    expect((await cli(['run', SWITCHABLE, '--dry', 'wet'])).code).toBe(2)
    expect((await cli(['run', SWITCHABLE, '--var', 'novalue'])).code).toBe(2)
    expect((await cli(['run', SWITCHABLE, '--bogus'])).code).toBe(2)
    expect((await cli(['run'])).stderr).toContain("missing argument 'FILE'")
    expect((await cli(['run', SWITCHABLE, '--var-file', join(dir, 'absent.env')])).code).toBe(2)
  })

  it('accepts the continously misspelling and the dry modes', async () => {
    const journalPath = join(dir, 'dry.json')
    const { code } = await cli(['run', SWITCHABLE, '--journal-path', journalPath, '--dry', 'actions', '--hypothesis-strategy', 'continously', '--hypothesis-frequency', '0.05'])
    expect(code).toBe(0)
    const journal = await readJournal(journalPath)
    expect(journal.experiment.dry).toBe('actions')
    expect(journal.run[0]).toMatchObject({ status: 'succeeded', output: null })
    expect(journal.steady_states.during.length).toBeGreaterThanOrEqual(1)
  })
})

describe('vitest-chaos validate', () => {
  it('says the experiment looks valid and exits 0', async () => {
    expect(await cli(['validate', SWITCHABLE])).toMatchObject({ code: 0, stdout: 'experiment syntax and semantic look valid\n' })
  })

  it('lists every problem and exits 1', async () => {
    const { code, stderr } = await cli(['validate', join(FIXTURES, 'invalid.yaml')])
    expect(code).toBe(1)
    expect(stderr.split('\n')[0]).toMatch(/invalid\.yaml: the experiment has \d+ problems/)
    expect(stderr.trimEnd().split('\n').length).toBeGreaterThanOrEqual(5)
  })
})

const built = existsSync(join(import.meta.dirname, '../../dist/cli-bundle/main.js'))
if (!built) console.warn('bin test skipped: dist/ is not built (npm run build)')

describe.skipIf(!built)('bin/vitest-chaos.js (skipped when dist/ is missing: npm run build)', () => {
  it('runs validate as a real process', async () => {
    const result = await execa('node', [join(import.meta.dirname, '../../bin/vitest-chaos.js'), 'validate', SWITCHABLE], { reject: false })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toBe('experiment syntax and semantic look valid')
  })
})

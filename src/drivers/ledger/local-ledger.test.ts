import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentFaultRun } from './fault-run.js'
import { appendLedgerEntry, openLedgerTargets, readLedger, type LedgerEntry, type LedgerEvent } from './local-ledger.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledger-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const entry = (event: LedgerEvent, name: string, server = 'https://a'): LedgerEntry => ({ v: 1, event, change: 'cordon', server, target: { kind: 'Node', name }, ...currentFaultRun() })

describe('the local ledger', () => {
  it('appends one JSON line per entry, creating the folder, and reads them back', async () => {
    const path = join(dir, 'nested', 'ledger.jsonl')
    await appendLedgerEntry(entry('intent', 'n1'), path)
    await appendLedgerEntry(entry('applied', 'n1'), path)
    expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(3)
    expect((await readLedger(path)).entries.map((e) => e.event)).toEqual(['intent', 'applied'])
  })

  it('skips and reports lines that are not JSON or not entries, and reads a missing file as empty', async () => {
    const path = join(dir, 'corrupt.jsonl')
    await writeFile(path, `${JSON.stringify(entry('intent', 'n1'))}\n{"v":1,"ev\n{"v":2}\n\n${JSON.stringify(entry('applied', 'n1'))}\n`)
    const { entries, problems } = await readLedger(path)
    expect(entries).toHaveLength(2)
    expect(problems).toEqual([
      { line: 2, reason: expect.stringMatching(/^not JSON: /) },
      { line: 3, reason: 'not a ledger entry (needs v, event, server and target)' },
    ])
    expect(await readLedger(join(dir, 'missing.jsonl'))).toEqual({ entries: [], problems: [] })
  })

  it('leaves open the objects of one server whose last line is an intent or applied', () => {
    const open = openLedgerTargets(
      [entry('intent', 'n1'), entry('applied', 'n1'), entry('intent', 'n2'), entry('failed', 'n2'), entry('applied', 'n3'), entry('cleared', 'n3'), entry('intent', 'n4'), entry('applied', 'n5', 'https://b')],
      'https://a',
    )
    expect(open.map((e) => [e.target.name, e.event])).toEqual([['n1', 'applied'], ['n4', 'intent']])
  })
})

// The checkout's own append-only record of what its runs changed: one fsync'd JSON line per intent and per outcome.
import { mkdir, open, readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { LedgerChange, FaultRun, FaultTarget } from './fault-record.js'

/** `intent` before a change, then `applied` or `failed`; `cleared` by a rollback, `recovered` by `vitest-chaos recover`. */
export type LedgerEvent = 'intent' | 'applied' | 'failed' | 'cleared' | 'recovered'

/** One line of `.chaos/ledger.jsonl`. */
export interface LedgerEntry extends FaultRun {
  v: 1
  event: LedgerEvent
  change: LedgerChange
  /** The API server the change went to, so a ledger shared by several clusters is read per cluster. */
  server: string
  target: FaultTarget
}

/** A line that could not be read, reported and skipped. */
export interface LedgerProblem {
  line: number
  reason: string
}

/** `CHAOS_LEDGER`, or `.chaos/ledger.jsonl` under the current directory. */
export const ledgerPath = (env: NodeJS.ProcessEnv = process.env): string => resolve(env.CHAOS_LEDGER?.trim() || '.chaos/ledger.jsonl')

/**
 * Appends one line and waits until it is on disk, so a crash right after the change still leaves the intent.
 *
 * @example
 * await appendLedgerEntry({ v: 1, event: 'intent', change: 'cordon', server, target: { kind: 'Node', name: 'worker-1' }, ...run })
 */
export const appendLedgerEntry = async (entry: LedgerEntry, path = ledgerPath()): Promise<void> => {
  await mkdir(dirname(path), { recursive: true })
  const file = await open(path, 'a')
  try {
    await file.appendFile(`${JSON.stringify(entry)}\n`)
    await file.sync()
  } finally {
    await file.close()
  }
}

const isEntry = (value: unknown): value is LedgerEntry => {
  const entry = value as Partial<LedgerEntry> | null
  return (
    typeof entry === 'object' && entry !== null && entry.v === 1 && typeof entry.event === 'string' && typeof entry.server === 'string' &&
    typeof entry.target === 'object' && entry.target !== null && typeof entry.target.kind === 'string' && typeof entry.target.name === 'string'
  )
}

/**
 * Reads every line; a line that is not a ledger entry is skipped and reported with its number. A missing file is an empty ledger.
 *
 * @example
 * const { entries, problems } = await readLedger()
 */
export const readLedger = async (path = ledgerPath()): Promise<{ entries: LedgerEntry[]; problems: LedgerProblem[] }> => {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [] }
    throw error
  }
  const entries: LedgerEntry[] = []
  const problems: LedgerProblem[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    try {
      const parsed: unknown = JSON.parse(line)
      if (isEntry(parsed)) entries.push(parsed)
      else problems.push({ line: index + 1, reason: 'not a ledger entry (needs v, event, server and target)' })
    } catch (error) {
      problems.push({ line: index + 1, reason: `not JSON: ${(error as Error).message}` })
    }
  })
  return { entries, problems }
}

const keyOf = (target: FaultTarget) => `${target.kind}/${target.namespace ?? ''}/${target.name}`

/**
 * The objects of `server` whose last ledger line leaves a change open (`intent` or `applied`).
 *
 * @example
 * const open = openLedgerTargets(entries, 'https://127.0.0.1:6443')
 */
export const openLedgerTargets = (entries: readonly LedgerEntry[], server: string): LedgerEntry[] => {
  const last = new Map<string, LedgerEntry>()
  for (const entry of entries) if (entry.server === server) last.set(keyOf(entry.target), entry)
  return [...last.values()].filter((entry) => entry.event === 'intent' || entry.event === 'applied')
}

/** The identity of an object across ledger lines and listings. */
export const targetKey = keyOf

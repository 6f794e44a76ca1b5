// Jest has no task.meta: each chaos test leaves its runs in a file that the reporter (another process) reads.
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ChaosRunRecord } from '../session/chaos-run-record.js'

/** The chaos runs of one Jest test. */
export interface JestTestRecord {
  testPath: string
  /** `describe … test`, as Jest's `currentTestName` and an assertion result's `fullName` say it. */
  testName: string
  runs: ChaosRunRecord[]
}

/** `.chaos/jest-records` under `root` (the working directory of the tests and of the reporter). */
export const testRecordsDir = (root: string): string => join(root, '.chaos', 'jest-records')

/** Writes the record of one test (nothing when it ran no experiment). */
export const writeTestRecord = async (root: string, record: JestTestRecord): Promise<void> => {
  if (record.runs.length === 0) return
  const name = createHash('sha1').update(`${record.testPath}\u0000${record.testName}`).digest('hex').slice(0, 16)
  await mkdir(testRecordsDir(root), { recursive: true })
  await writeFile(join(testRecordsDir(root), `${name}.json`), JSON.stringify(record))
}

/** Every record written since the folder was last cleared. */
export const readTestRecords = async (root: string): Promise<JestTestRecord[]> => {
  const files = await readdir(testRecordsDir(root)).catch(() => [])
  return Promise.all(files.filter((file) => file.endsWith('.json')).map(async (file) => JSON.parse(await readFile(join(testRecordsDir(root), file), 'utf8')) as JestTestRecord))
}

export const clearTestRecords = (root: string): Promise<void> => rm(testRecordsDir(root), { recursive: true, force: true })

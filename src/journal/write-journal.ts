import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Journal } from './types.js'

/**
 * Writes the journal as chaoslib's CLI does (JSON, indent 2), creating the folder if needed.
 *
 * @example
 * await writeJournal('./journal.json', journal)
 */
export const writeJournal = async (path: string, journal: Journal): Promise<void> => {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, `${JSON.stringify(journal, null, 2)}\n`, 'utf8')
}

import { join, relative } from 'node:path'

export const DEFAULT_JOURNAL_DIR = '.chaos/journals'

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/(\.(chaos|test|spec|fixture))*\.[cm]?[jt]sx?$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'run'

/**
 * Where the journal of a chaos run is written: `<dir>/<test file>/<test name>[-n].json`, stable across runs.
 *
 * @example
 * journalPathFor({ testPath: 'e2e/drain.chaos.test.ts', testName: 'survives a drain' }) // .chaos/journals/e2e-drain/survives-a-drain.json
 */
export const journalPathFor = (where: { dir?: string; testPath?: string; testName?: string; index?: number; root?: string }): string => {
  const file = where.testPath ? slug(relative(where.root ?? process.cwd(), where.testPath)) : 'standalone'
  const name = `${slug(where.testName ?? 'run')}${where.index ? `-${where.index + 1}` : ''}.json`
  return join(where.dir ?? DEFAULT_JOURNAL_DIR, file, name)
}

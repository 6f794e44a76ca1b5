import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
// a load hook appending every file URL Node loads to MODULE_LOG
const hooks = `import { appendFileSync } from 'node:fs'
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.MODULE_LOG, url + '\\n')
  return next(url, context)
}`
const registerHooks = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)})`
const heavy = /node_modules\/(@kubernetes\/client-node|execa|autocannon)\//

let dir: string
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'lazy-imports-'))))
afterAll(() => rm(dir, { recursive: true, force: true }))

/** Every file a fresh Node process loads to import `entry` (a source file, through tsx); outside Vitest's runner the import may throw after loading. */
const modulesLoadedBy = async (entry: string): Promise<string[]> => {
  const log = join(dir, `${entry.replaceAll('/', '_')}.txt`)
  const script = `await import(${JSON.stringify(join(root, entry))}).catch(() => undefined)`
  await execa('node', ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(registerHooks)}`, '--input-type=module', '-e', script], { cwd: root, env: { MODULE_LOG: log } })
  return (await readFile(log, 'utf8')).split('\n').filter(Boolean)
}

describe("import 'vitest-chaos/vitest'", () => {
  it('loads neither client-node, execa nor autocannon: the drivers and cluster providers load when a test uses them', async () => {
    const loaded = await modulesLoadedBy('src/vitest/index.ts')
    expect(loaded.some((url) => url.endsWith('/src/matchers/to-stay-steady-during.ts'))).toBe(true)
    expect(loaded.filter((url) => heavy.test(url))).toEqual([])
  })

  it('is told apart from an import that does load them (the drivers)', async () => {
    const loaded = await modulesLoadedBy('src/drivers/catalog.ts')
    expect(loaded.some((url) => heavy.test(url))).toBe(true)
  })
})

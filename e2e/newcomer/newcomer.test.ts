// A newcomer's first ten minutes, for real: the packed package and vitest installed into an empty project, `init`,
// `npx vitest run chaos`; then the README's chaos test with no config file. The README's quick start is these steps.
import { execa, type Options } from 'execa'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const repository = fileURLToPath(new URL('../../', import.meta.url))
// kept between runs (under node_modules, so never committed) so a second run installs from the cache
const npmCache = join(repository, 'node_modules', '.cache', 'newcomer-npm')
const MINUTES = 60_000

/** The first ```ts block after the README's quick-start heading: the chaos test a newcomer copies. */
const readmeChaosTest = async (): Promise<string> => {
  const readme = await readFile(join(repository, 'README.md'), 'utf8')
  const quickStart = readme.slice(readme.indexOf('## Quick start in your project'))
  const block = /```ts\n([\s\S]*?)```/.exec(quickStart)
  if (!block) throw new Error('README.md has no ```ts block under "## Quick start in your project"')
  return block[1]!
}

describe('a newcomer installs the packed package into an empty project', () => {
  let dir: string
  let app: string
  let packedFiles: string[] = []
  const run = async (file: string, args: string[], options: Options = {}) => {
    const result = await execa(file, args, { cwd: app, reject: false, all: true, env: { CI: '1', npm_config_cache: npmCache, npm_config_update_notifier: 'false', CHAOS_CLUSTER: '' }, ...options })
    return { exitCode: result.exitCode, stdout: String(result.stdout), all: String(result.all) }
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chaos-newcomer-'))
    app = join(dir, 'app')
    await mkdir(app)
    const packed = await execa('npm', ['pack', '--json', '--pack-destination', dir], { cwd: repository, timeout: 5 * MINUTES })
    const [pack] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[]
    packedFiles = pack!.files.map((file) => file.path)
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'newcomer-app', private: true, type: 'module' }, null, 2))
    const install = await run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', join(dir, pack!.filename), 'vitest@^4.1'], { timeout: 10 * MINUTES })
    expect(install.exitCode, install.all).toBe(0)
  }, 16 * MINUTES)

  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('ships what runs, and no recorded fixtures, tests or test data', () => {
    expect(packedFiles).toContain('dist/index.js')
    expect(packedFiles).toContain('fixtures/bookinfo/bookinfo.yaml')
    expect(packedFiles).toContain('kind-config.yaml')
    expect(packedFiles.filter((path) => /\.test(-d)?\.|\/testing\/|^fixtures\/(apiserver|journals|engine|experiments)\/|\.map$|^src\/|^e2e\//.test(path))).toEqual([])
  })

  it('`npx vitest-chaos init` then `npx vitest run chaos` passes with no further change', async () => {
    const init = await run('npx', ['vitest-chaos', 'init'], { timeout: 2 * MINUTES })
    expect(init.exitCode, init.all).toBe(0)
    expect(init.stdout).toContain('wrote   vitest.config.ts')
    const chaos = await run('npx', ['vitest', 'run', 'chaos'], { timeout: 10 * MINUTES })
    expect(chaos.exitCode, chaos.all).toBe(0)
    expect(chaos.stdout).toContain('1 passed')
    expect(existsSync(join(app, '.chaos', 'report.html'))).toBe(true)
  }, 12 * MINUTES)

  it("the README's chaos test passes with no config file at all", async () => {
    await rm(join(app, 'vitest.config.ts'))
    await rm(join(app, 'chaos'), { recursive: true })
    await writeFile(join(app, 'bookinfo.chaos.test.ts'), await readmeChaosTest())
    const chaos = await run('npx', ['vitest', 'run', 'chaos'], { timeout: 10 * MINUTES })
    expect(chaos.exitCode, chaos.all).toBe(0)
    expect(chaos.stdout).toContain('1 passed')
  }, 12 * MINUTES)
})

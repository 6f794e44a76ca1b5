import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { initCommandDefinition } from './init.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chaos-init-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const init = async (...argv: string[]) => {
  let stdout = ''
  let stderr = ''
  const code = await initCommandDefinition.run([...argv, '--dir', dir], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), signal: new AbortController().signal })
  return { code, stdout, stderr }
}

interface Workflow { jobs: Record<string, { env?: Record<string, string>; steps: { name?: string; run?: string; if?: string; with?: { path?: string } }[] }> }

describe('vitest-chaos init', () => {
  it('writes the config, an example chaos test and the workflow, then skips them all on a second run', async () => {
    expect(await init()).toEqual({ code: 0, stderr: '', stdout: 'wrote   vitest.config.ts\nwrote   chaos/bookinfo.chaos.test.ts\nwrote   .github/workflows/chaos.yml\nnext: npx vitest run chaos\n' })
    await writeFile(join(dir, 'chaos/bookinfo.chaos.test.ts'), '// mine')
    const again = await init()
    expect(again.stdout).toBe(
      'skipped vitest.config.ts: it exists\nskipped chaos/bookinfo.chaos.test.ts: it exists\nskipped .github/workflows/chaos.yml: it exists\nnext: npx vitest run chaos\n',
    )
    expect(await readFile(join(dir, 'chaos/bookinfo.chaos.test.ts'), 'utf8')).toBe('// mine')
    expect(await readFile(join(dir, 'vitest.config.ts'), 'utf8')).toContain("import { defineChaosProject } from 'vitest-chaos/config'")
  })

  it('writes vitest.config.mts in a CommonJS package, where Vite would require() a .ts config', async () => {
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'app', type: 'commonjs' }))
    expect((await init()).stdout).toContain('wrote   vitest.config.mts\n')
    expect(await readFile(join(dir, 'vitest.config.mts'), 'utf8')).toContain("import { defineChaosProject } from 'vitest-chaos/config'")
    await rm(join(dir, 'vitest.config.mts'))
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'app', type: 'module' }))
    expect((await init()).stdout).toContain('wrote   vitest.config.ts\n')
  })

  it('prints the lines to add when a Vite or Vitest config exists', async () => {
    await writeFile(join(dir, 'vite.config.mts'), 'export default {}\n')
    const { stdout } = await init()
    expect(stdout).toContain("skipped vitest.config.ts: vite.config.mts exists; add these lines to it:\nimport { defineChaosProject } from 'vitest-chaos/config'\n")
    expect(await readFile(join(dir, 'vite.config.mts'), 'utf8')).toBe('export default {}\n')
  })

  it('writes a workflow with an emulated and a kind job, recover always, the published reporter and the uploads', async () => {
    await init()
    const workflow = parse(await readFile(join(dir, '.github/workflows/chaos.yml'), 'utf8')) as Workflow
    expect(Object.keys(workflow.jobs)).toEqual(['chaos-emulated', 'chaos-kind'])
    expect(workflow.jobs['chaos-kind']!.env).toEqual({ CHAOS_CLUSTER: 'kind' })
    const kindSteps = workflow.jobs['chaos-kind']!.steps
    expect(kindSteps.find((step) => step.run === 'npx vitest-chaos recover')?.if).toBe('always()')
    for (const job of Object.values(workflow.jobs)) {
      const test = job.steps.find((step) => step.run?.startsWith('npx vitest run chaos'))!
      expect(test.run).toContain('--reporter=vitest-chaos/reporter')
      expect(test.run).toContain('--outputFile.junit=reports/junit-chaos.xml')
      expect(job.steps.find((step) => step.name?.startsWith('upload'))?.with?.path).toContain('.chaos/journals')
    }
    expect(JSON.stringify(workflow)).not.toContain('./src/')
  })

  it('sets up a Jest project with --jest', async () => {
    const { stdout } = await init('--jest')
    expect(stdout).toBe('wrote   jest.config.json\nwrote   chaos/bookinfo.chaos.test.mjs\nwrote   .github/workflows/chaos.yml\nnext: NODE_OPTIONS=--experimental-vm-modules npx jest chaos\n')
    expect(JSON.parse(await readFile(join(dir, 'jest.config.json'), 'utf8'))).toMatchObject({ reporters: ['default', 'vitest-chaos/jest/reporter'] })
    expect(await readFile(join(dir, 'chaos/bookinfo.chaos.test.mjs'), 'utf8')).toContain("from 'vitest-chaos/jest'")
  })

  it('refuses an unknown flag with exit code 2', async () => {
    expect(await init('--jset')).toMatchObject({ code: 2, stderr: expect.stringContaining("vitest-chaos init: Unknown option '--jset'") as string })
  })
})

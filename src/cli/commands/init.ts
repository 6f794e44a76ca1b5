import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import type { CliCommand, CliIO } from '../cli-command.js'
import { formatExampleChaosTest } from '../init/example-chaos-test.js'
import { JEST_CONFIG, JEST_CONFIG_LINES } from '../init/jest-files.js'
import { VITEST_CONFIG, VITEST_CONFIG_LINES } from '../init/vitest-files.js'
import { JEST_RUNNER, VITEST_RUNNER, workflowFile } from '../init/workflow-file.js'
import { UsageError } from '../output/parse-command-args.js'

const usage = `Usage: vitest-chaos init [--jest] [--dir DIR]

Sets up chaos tests in a project, never overwriting a file (it says what it skipped):
  vitest.config.ts                    the chaos project (or the lines to add to your existing config);
                                      vitest.config.mts in a CommonJS package, as vitest-chaos is ESM only
  chaos/bookinfo.chaos.test.ts        an example chaos test against bookinfo on the emulated cluster
  .github/workflows/chaos.yml         CI: an emulated job and a kind job, journals and JUnit uploaded

Options:
  --jest     for a Jest project: jest.config.json and chaos/bookinfo.chaos.test.mjs instead
  --dir DIR  the project folder (default: the current folder)

Then: npx vitest run chaos   (Jest: NODE_OPTIONS=--experimental-vm-modules npx jest chaos)
`

const VITEST_CONFIG_NAMES = ['vitest.config', 'vite.config'].flatMap((base) => ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((ext) => `${base}.${ext}`))
const JEST_CONFIG_NAMES = ['jest.config.json', 'jest.config.js', 'jest.config.mjs', 'jest.config.cjs', 'jest.config.ts']

interface PlannedFile {
  path: string
  content: string
  /** Files whose presence means this one must not be written, with what to print instead. */
  existing?: { names: string[]; lines: string }
}

/**
 * `vitest.config.mts` when the folder's package.json is CommonJS (npm 11's `npm init` writes `"type": "commonjs"`):
 * Vite would load a `.ts` config there with `require`, which cannot load vitest-chaos/config.
 */
const vitestConfigName = async (dir: string): Promise<string> => {
  const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined)
  if (manifest === undefined) return 'vitest.config.ts'
  let type: unknown
  try {
    type = (JSON.parse(manifest) as { type?: unknown }).type
  } catch {
    return 'vitest.config.ts'
  }
  return type === 'module' ? 'vitest.config.ts' : 'vitest.config.mts'
}

const plan = (jest: boolean, vitestConfig: string): PlannedFile[] => [
  jest
    ? { path: 'jest.config.json', content: JEST_CONFIG, existing: { names: JEST_CONFIG_NAMES, lines: JEST_CONFIG_LINES } }
    : { path: vitestConfig, content: VITEST_CONFIG, existing: { names: VITEST_CONFIG_NAMES, lines: VITEST_CONFIG_LINES } },
  jest ? { path: 'chaos/bookinfo.chaos.test.mjs', content: formatExampleChaosTest('jest') } : { path: 'chaos/bookinfo.chaos.test.ts', content: formatExampleChaosTest('vitest') },
  { path: '.github/workflows/chaos.yml', content: workflowFile(jest ? JEST_RUNNER : VITEST_RUNNER) },
]

const initCommand = async (argv: string[], io: CliIO): Promise<number> => {
  let values
  try {
    ;({ values } = parseArgs({ args: argv, options: { jest: { type: 'boolean', default: false }, dir: { type: 'string', default: '.' } }, strict: true }))
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  for (const file of plan(values.jest, await vitestConfigName(values.dir))) {
    const target = join(values.dir, file.path)
    const present = existsSync(target) ? file.path : file.existing?.names.find((name) => existsSync(join(values.dir, name)))
    if (present === undefined) {
      await mkdir(dirname(target), { recursive: true })
      await writeFile(target, file.content, { flag: 'wx' })
      io.stdout(`wrote   ${file.path}\n`)
    } else if (file.existing && present !== file.path) {
      io.stdout(`skipped ${file.path}: ${present} exists; add these lines to it:\n${file.existing.lines}\n`)
    } else {
      io.stdout(`skipped ${file.path}: it exists\n`)
    }
  }
  io.stdout(values.jest ? 'next: NODE_OPTIONS=--experimental-vm-modules npx jest chaos\n' : 'next: npx vitest run chaos\n')
  return 0
}

/** `vitest-chaos init [--jest]`: config, an example chaos test and a CI workflow, never overwriting. */
export const initCommandDefinition: CliCommand = {
  name: 'init',
  usage,
  run: (argv, io) =>
    initCommand(argv, io).catch((error: unknown) => {
      io.stderr(`vitest-chaos init: ${error instanceof Error ? error.message : String(error)}\n`)
      return error instanceof UsageError ? 2 : 1
    }),
}

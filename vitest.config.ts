import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url))

// every chaos file starts its own emulated cluster, so files can run side by side; a real cluster is shared
const sharedCluster = (process.env.CHAOS_CLUSTER ?? 'emulated') !== 'emulated'

export default defineConfig({
  // this repository's own tests import the package entries as users do, served from src/
  resolve: {
    alias: [
      { find: /^vitest-chaos$/, replacement: source('index.ts') },
      { find: /^vitest-chaos\/vitest$/, replacement: source('vitest/index.ts') },
      { find: /^vitest-chaos\/vitest\/setup$/, replacement: source('vitest/setup.ts') },
      { find: /^vitest-chaos\/reporter$/, replacement: source('report/index.ts') },
    ],
  },
  test: {
    // journals under .chaos/journals, a summary per chaos test, .chaos/summary.md and .chaos/report.html
    reporters: ['default', source('report/index.ts')],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'fixtures/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // matcher and fixture types (*.test-d.ts) checked by tsc, kept apart so `--project unit` stays fast
        extends: true,
        test: {
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json', ignoreSourceErrors: true },
        },
      },
      {
        extends: true,
        test: {
          name: 'chaos',
          include: ['e2e/**/*.chaos.test.ts', 'examples/**/*.chaos.test.ts'],
          setupFiles: ['./src/vitest/setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // most of a chaos test is waiting (pauses, recovery), so three files share two cores well
          fileParallelism: !sharedCluster,
          maxWorkers: sharedCluster ? 1 : 3,
          // after the unit and type tests, so timing-sensitive chaos tests do not compete with them
          sequence: { groupOrder: 1 },
          pool: 'forks',
        },
      },
      {
        // the packed package installed into an empty project (npm registry, local cache): slow, so last and alone
        extends: true,
        test: {
          name: 'newcomer',
          include: ['e2e/newcomer/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          pool: 'forks',
        },
      },
    ],
  },
})

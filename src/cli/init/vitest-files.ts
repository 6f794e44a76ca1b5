/** `vitest.config.ts` with a unit project (Vitest's defaults, chaos files left out) and the chaos project. */
export const VITEST_CONFIG = `import { configDefaults, defineConfig } from 'vitest/config'
import { defineChaosProject } from 'vitest-chaos/config'

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: configDefaults.include, exclude: [...configDefaults.exclude, '**/*.chaos.test.*'] } },
      // *.chaos.test.ts: timeouts that fit the cluster, forks, the chaos reporter (.chaos/journals, summary.md, report.html)
      defineChaosProject(),
    ],
  },
})
`

/** What to add by hand when a Vitest or Vite config already exists. */
export const VITEST_CONFIG_LINES = `import { defineChaosProject } from 'vitest-chaos/config'
// in test.projects (create it if the config has none, with your current settings as a first project):
      defineChaosProject(),`

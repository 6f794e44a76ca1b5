import type { Vite } from 'vitest/node'
import type { TestProjectInlineConfiguration } from 'vitest/config'
import type { StartClusterOptions } from '../clusters/cluster-provider.js'
import ChaosReporter from '../report/chaos-reporter.js'
import { chaosTimeoutMs } from './chaos-timeouts.js'
import { clusterProviderFor } from './cluster-provider-for.js'

export interface ChaosProjectOptions {
  /** Project name, for `--project`; default `chaos`. */
  name?: string
  /** Test files; default `**\/*.chaos.test.{ts,js,mts,mjs}`. */
  include?: string[]
  /** The cluster the tests will use; default from `CHAOS_CLUSTER` (emulated when unset). Decides timeouts and file parallelism. */
  cluster?: Pick<StartClusterOptions, 'provider'>
  /** Test and hook timeout in ms; default the cluster's start-up plus 2 min, at least 3 min. */
  timeout?: number
  /** Files run side by side on an emulated cluster (each file has its own); default 3. A real cluster is shared: one file at a time. */
  maxWorkers?: number
  /** Add the chaos reporter (journals, `.chaos/summary.md`, `.chaos/report.html`) to the run's reporters; default true. */
  reporter?: boolean
}

const isChaosReporter = (entry: unknown): boolean => {
  const name: unknown = Array.isArray(entry) ? entry[0] : entry
  return entry instanceof ChaosReporter || (typeof name === 'string' && name.includes('vitest-chaos/reporter'))
}

// reporters belong to the root config; a project's plugin may still add one before the run starts
const chaosReporterPlugin = (): Vite.Plugin => ({
  name: 'vitest-chaos:reporter',
  configureVitest: ({ vitest }) => {
    const reporters = vitest.config.reporters as unknown[]
    if (!reporters.some(isChaosReporter)) reporters.push(new ChaosReporter())
  },
})

/**
 * The Vitest project for chaos tests: include pattern, timeouts that fit the cluster, the forks pool, the matchers'
 * setup file, the chaos reporter, and file parallelism by cluster kind (side by side on emulated clusters, one file at a time on a shared real one).
 *
 * @example
 * // vitest.config.ts
 * import { defineConfig } from 'vitest/config'
 * import { defineChaosProject } from 'vitest-chaos/config'
 * export default defineConfig({ test: { projects: [defineChaosProject()] } })
 */
export const defineChaosProject = (options: ChaosProjectOptions = {}): TestProjectInlineConfiguration => {
  const provider = clusterProviderFor(options.cluster)
  const shared = provider !== 'emulated'
  const timeout = options.timeout ?? chaosTimeoutMs({ provider })
  return {
    plugins: options.reporter === false ? [] : [chaosReporterPlugin()],
    test: {
      name: options.name ?? 'chaos',
      include: options.include ?? ['**/*.chaos.test.{ts,js,mts,mjs}'],
      setupFiles: ['vitest-chaos/vitest/setup'],
      testTimeout: timeout,
      hookTimeout: timeout,
      pool: 'forks',
      fileParallelism: !shared,
      maxWorkers: shared ? 1 : (options.maxWorkers ?? 3),
    },
  }
}

import { describe, expect, it } from 'vitest'
import { defineChaosProject } from './define-chaos-project.js'

describe('defineChaosProject', () => {
  it('runs emulated chaos files side by side in forks, with the chaos timeouts and setup file', () => {
    const project = defineChaosProject({ cluster: { provider: 'emulated' } })
    expect(project.test).toEqual({
      name: 'chaos',
      include: ['**/*.chaos.test.{ts,js,mts,mjs}'],
      setupFiles: ['vitest-chaos/vitest/setup'],
      testTimeout: 180_000,
      hookTimeout: 180_000,
      pool: 'forks',
      fileParallelism: true,
      maxWorkers: 3,
    })
    expect(project.plugins?.map((plugin) => (plugin as { name: string }).name)).toEqual(['vitest-chaos:reporter'])
  })

  it('runs one file at a time on a shared real cluster and allows for its start-up', () => {
    const project = defineChaosProject({ cluster: { provider: 'kind' } })
    expect([project.test?.fileParallelism, project.test?.maxWorkers, project.test?.testTimeout]).toEqual([false, 1, 12 * 60_000])
  })

  it('reads CHAOS_CLUSTER when no provider is given, and leaves the reporter out on request', () => {
    const previous = process.env.CHAOS_CLUSTER
    process.env.CHAOS_CLUSTER = 'k3s'
    try {
      const project = defineChaosProject({ reporter: false, timeout: 1000 })
      expect([project.test?.fileParallelism, project.test?.testTimeout, project.plugins]).toEqual([false, 1000, []])
    } finally {
      if (previous === undefined) delete process.env.CHAOS_CLUSTER
      else process.env.CHAOS_CLUSTER = previous
    }
  })
})

import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Action, Probe } from '../experiment/types.js'
import { defineExperiment } from './define-experiment.js'
import { formatDuration, parseDuration, type Duration } from './duration.js'
import { fault } from './fault.js'
import { http } from './http-probe.js'
import { steadyState } from './steady-state.js'
import { toExperiment, writeExperiment } from './to-experiment.js'

const allPodsHealthy: Probe = {
  type: 'probe',
  name: 'all-microservices-should-be-healthy',
  tolerance: true,
  provider: { type: 'python', module: 'chaosk8s.probes', func: 'all_pods_healthy', arguments: { ns: 'bookinfo' } },
}
const drain: Action = {
  type: 'action',
  name: 'drain-nodes',
  provider: { type: 'python', module: 'chaosk8s.node.actions', func: 'drain_nodes', arguments: { count: 1 } },
}
const uncordon: Action = {
  type: 'action',
  name: 'uncordon-node',
  provider: { type: 'python', module: 'chaosk8s.node.actions', func: 'uncordon_node' },
}

describe('http.probe', () => {
  it('resolves a path against ${product_page_url} and converts the timeout to seconds', () => {
    expect(http.probe('page', { path: '/productpage', timeout: '1500ms', tolerance: 200 })).toEqual({
      type: 'probe',
      name: 'page',
      tolerance: 200,
      provider: { type: 'http', url: '${product_page_url}/productpage', timeout: 1.5 },
    })
  })

  it('keeps an absolute url as given and declares no configuration for it', () => {
    const probe = http.probe('health', { url: 'http://127.0.0.1:9/health', method: 'POST' })
    expect(probe.provider).toEqual({ type: 'http', url: 'http://127.0.0.1:9/health', method: 'POST' })
    expect(defineExperiment({ title: 't', steadyState: steadyState('h', [probe]) }).configuration).toBeUndefined()
  })

  it('refuses both or neither of path and url, and a relative path', () => {
    expect(() => http.probe('p', {})).toThrow("http.probe('p'): give exactly one of path")
    expect(() => http.probe('p', { path: '/a', url: 'http://127.0.0.1' })).toThrow('exactly one of path')
    expect(() => http.probe('p', { path: 'productpage' })).toThrow("path 'productpage' must start with '/'")
  })
})

describe('steadyState and fault', () => {
  it('refuses a hypothesis probe without a tolerance, naming it', () => {
    const { tolerance: _, ...untolerant } = allPodsHealthy
    expect(() => steadyState('h', [untolerant])).toThrow("probe 'all-microservices-should-be-healthy' has no tolerance")
  })

  it('puts pauses on the first and last action without changing the originals', () => {
    const f = fault('drain then wait', { actions: [drain, uncordon], rollbacks: [uncordon], pauses: { before: 1, after: '20s' } })
    expect(f.method.map((a) => [a.name, a.pauses])).toEqual([
      ['drain-nodes', { before: 1 }],
      ['uncordon-node', { after: 20 }],
    ])
    expect(drain.pauses).toBeUndefined()
    expect(f.rollbacks).toEqual([uncordon])
  })

  it('refuses a fault without actions', () => {
    expect(() => fault('nothing', { actions: [] })).toThrow("fault('nothing'): give at least one action")
  })
})

describe('defineExperiment and toExperiment', () => {
  const app = steadyState('bookinfo is healthy', [
    allPodsHealthy,
    http.probe('product page answers in time', { path: '/productpage', timeout: '1s', tolerance: 200 }),
  ])
  const drainNode = fault('drain one node', { actions: [drain], rollbacks: [uncordon], pauses: { after: 20 } })

  it('builds the Chaos Toolkit document with the configuration the probes need', () => {
    const experiment = defineExperiment({ title: 'survives a drain', steadyState: app, fault: drainNode, rollbackStrategy: 'always' })
    expect(experiment).toEqual({
      title: 'survives a drain',
      description: 'survives a drain',
      configuration: { product_page_url: { type: 'env', key: 'PRODUCT_PAGE_SERVICE_BASE_URL' } },
      'steady-state-hypothesis': app,
      method: [{ ...drain, pauses: { after: 20 } }],
      rollbacks: [uncordon],
      runtime: { rollbacks: { strategy: 'always' } },
    })
  })

  it('writes JSON that reads back to the same experiment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'authoring-'))
    try {
      const path = join(dir, 'nested', 'drain.json')
      await writeExperiment(path, { title: 'survives a drain', steadyState: app, fault: drainNode })
      const text = await readFile(path, 'utf8')
      expect(text).toBe(toExperiment({ title: 'survives a drain', steadyState: app, fault: drainNode }))
      expect(JSON.parse(text)).toEqual(defineExperiment({ title: 'survives a drain', steadyState: app, fault: drainNode }))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('durations', () => {
  it('reads units and bare numbers in the field unit', () => {
    expect([parseDuration('500ms'), parseDuration('2s'), parseDuration('1.5m'), parseDuration(3, 's'), parseDuration(7)]).toEqual([
      500, 2000, 90_000, 3000, 7,
    ])
    expect(() => parseDuration('soon' as Duration)).toThrow(`duration "soon" is not understood: write it as '500ms', '2s' or '1m'`)
  })

  it('formats milliseconds for people', () => {
    expect([formatDuration(850), formatDuration(6200), formatDuration(65_000)]).toEqual(['850ms', '6.2s', '1m 5s'])
  })
})

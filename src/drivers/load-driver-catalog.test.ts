import { describe, expect, it } from 'vitest'
import { builtinCatalog } from '../providers/builtin-catalog.js'
import { driverCatalog } from './catalog.js'
import { loadCatalogFor, loadDriverCatalog } from './load-driver-catalog.js'

const calling = (...modules: string[]) => ({
  title: 't',
  description: 'd',
  method: modules.map((module, index) => ({ type: 'action', name: `a${index}`, provider: { type: 'python', module, func: 'f' } })),
  rollbacks: [{ type: 'action', name: 'http', provider: { type: 'http', url: 'http://127.0.0.1:1/' } }],
})

describe('loadCatalogFor', () => {
  it('loads no driver for an experiment that calls none', async () => {
    expect(await loadCatalogFor(calling('vitest-chaos.builtins'), builtinCatalog)).toBe(builtinCatalog)
  })

  it('loads only the drivers whose modules the experiment calls', async () => {
    const catalog = await loadCatalogFor(calling('chaosk8s.node.actions', 'vitest-chaos.load'), builtinCatalog)
    expect(Object.keys(catalog)).toContain('chaosk8s.pod.probes')
    expect(Object.keys(catalog)).toContain('vitest-chaos.load')
    expect(Object.keys(catalog).some((module) => module.startsWith('chaosistio.'))).toBe(false)
  })

  it('loads every driver when a module is served by none, so the known modules listed stay complete', async () => {
    const catalog = await loadCatalogFor(calling('chaosk8s.no_such_module'), builtinCatalog)
    expect(Object.keys(catalog).sort()).toEqual(Object.keys({ ...builtinCatalog, ...driverCatalog }).sort())
  })
})

describe('loadDriverCatalog', () => {
  it('is driverCatalog when asked for everything', async () => {
    expect(await loadDriverCatalog()).toEqual(driverCatalog)
  })
})

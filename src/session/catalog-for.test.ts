import { describe, expect, it } from 'vitest'
import { catalogFor } from './catalog-for.js'

const calling = (module: string) => ({ title: 't', description: 'd', method: [{ type: 'action', name: 'a', provider: { type: 'python', module, func: 'f' } }] })

describe('catalogFor', () => {
  it("keeps the test's own catalog", async () => {
    const own = { 'my.module': {} }
    expect(await catalogFor(calling('chaosk8s.node.actions'), own)).toBe(own)
  })

  it('loads no driver for an experiment of http activities, and the driver an experiment calls', async () => {
    expect(await catalogFor({ title: 't', description: 'd', method: [{ type: 'probe', name: 'p', provider: { type: 'http', url: 'http://127.0.0.1:1/' } }] }, undefined)).toEqual({})
    expect(Object.keys(await catalogFor(calling('chaosk8s.node.actions'), undefined))).toContain('chaosk8s.node.actions')
  })
})

import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { Experiment } from '../experiment/types.js'
import { usesIstio } from './uses-istio.js'

const seed = async (name: string) => JSON.parse(await readFile(`fixtures/experiments/${name}`, 'utf8')) as Experiment

describe('usesIstio', () => {
  it('is true only for the seed experiment that calls chaosistio', async () => {
    const names = ['drain-nodes.json', 'drain-nodes-with-rollback.json', 'reviews-latency.json', 'terminate-all-ratings.json', 'terminate-half-ratings-v2.json']
    expect(await Promise.all(names.map(async (name) => [name, usesIstio(await seed(name))]))).toEqual([
      ['drain-nodes.json', false],
      ['drain-nodes-with-rollback.json', false],
      ['reviews-latency.json', true],
      ['terminate-all-ratings.json', false],
      ['terminate-half-ratings-v2.json', false],
    ])
  })
})

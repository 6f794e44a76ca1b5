import { describe, expect, it } from 'vitest'
import { fnv32a, podTemplateHash, safeEncode } from './pod-template-hash.js'

describe('podTemplateHash', () => {
  it('computes FNV-32a like the reference vectors', () => {
    expect(fnv32a('')).toBe(0x811c9dc5)
    expect(fnv32a('a')).toBe(0xe40c292c)
    expect(fnv32a('foobar')).toBe(0xbf9cf968)
  })

  it('maps decimal digits through the alphabet as Kubernetes does', () => {
    expect(safeEncode('0123456789')).toBe('456789bcdf')
  })

  it('only uses the characters a real pod-template-hash can contain, and ignores key order and the hash label', () => {
    const template = { metadata: { labels: { app: 'reviews', version: 'v1' } }, spec: { containers: [{ name: 'reviews', image: 'r:1' }] } }
    const reordered = { spec: { containers: [{ image: 'r:1', name: 'reviews' }] }, metadata: { labels: { version: 'v1', app: 'reviews', 'pod-template-hash': 'x' } } }
    const hash = podTemplateHash(template)
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/)
    expect(podTemplateHash(reordered)).toBe(hash)
    expect(podTemplateHash(template, 1)).not.toBe(hash)
    expect(podTemplateHash({ ...template, spec: { containers: [{ name: 'reviews', image: 'r:2' }] } })).not.toBe(hash)
  })
})

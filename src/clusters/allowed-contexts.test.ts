import { describe, expect, it } from 'vitest'
import { DEFAULT_ALLOWED_CONTEXTS, isContextAllowed, matchesGlob, parseAllowedContexts } from './allowed-contexts.js'

describe('parseAllowedContexts', () => {
  it('uses kind-*, k3s* and emulated when the variable is unset or blank', () => {
    expect(parseAllowedContexts(undefined)).toEqual(['kind-*', 'k3s*', 'emulated'])
    expect(parseAllowedContexts(' , ')).toEqual([...DEFAULT_ALLOWED_CONTEXTS])
  })

  it('splits on commas and trims each glob', () => {
    expect(parseAllowedContexts(' minikube, dev-* ,')).toEqual(['minikube', 'dev-*'])
  })
})

describe('matchesGlob', () => {
  it.each([
    ['kind-chaos', 'kind-*', true],
    ['kind-', 'kind-*', true],
    ['kind', 'kind-*', false],
    ['k3s-chaos', 'k3s*', true],
    ['emulated', 'emulated', true],
    ['emulated-2', 'emulated', false],
    ['dev-a', 'dev-?', true],
    ['dev-ab', 'dev-?', false],
    ['gke_prod.eu', 'gke_prod.eu', true],
    ['gke_prodXeu', 'gke_prod.eu', false],
    ['arn:aws:eks:eu-west-1:1:cluster/prod', '*prod*', true],
  ])('%s against %s is %s', (name, glob, expected) => {
    expect(matchesGlob(name, glob)).toBe(expected)
  })
})

describe('isContextAllowed', () => {
  it('refuses production-looking contexts under the defaults', () => {
    expect(isContextAllowed('gke_acme_europe-west1_prod', DEFAULT_ALLOWED_CONTEXTS)).toBe(false)
    expect(isContextAllowed('kind-chaos', DEFAULT_ALLOWED_CONTEXTS)).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import type { HTTPMatchRequest } from './istio-types.js'
import { matchRequest, matchRoute } from './match-request.js'
import type { MeshRequest, RequestSource } from './mesh-request.js'

const request = (overrides: Partial<MeshRequest> = {}): MeshRequest => ({
  method: 'GET',
  scheme: 'http',
  authority: 'reviews:9080',
  path: '/reviews/0',
  query: new URLSearchParams('u=normal&empty='),
  headers: { 'end-user': 'jason', 'x-canary': 'yes-please' },
  ...overrides,
})
const source: RequestSource = { namespace: 'bookinfo', labels: { app: 'productpage', version: 'v1' }, gateway: 'mesh' }
const matches = (match: HTTPMatchRequest, req = request(), from = source) => matchRequest(match, req, from, 'bookinfo')

describe('matchRequest', () => {
  it('compares uri exact, prefix and anchored regex against the path without its query', () => {
    expect(matches({ uri: { exact: '/reviews/0' } })).toBe(true)
    expect(matches({ uri: { exact: '/reviews/0?u=normal' } })).toBe(false)
    expect(matches({ uri: { prefix: '/reviews' } })).toBe(true)
    expect(matches({ uri: { regex: '/reviews/[0-9]+' } })).toBe(true)
    expect(matches({ uri: { regex: 'reviews' } })).toBe(false)
    expect(matches({ uri: { exact: '/REVIEWS/0' } })).toBe(false)
    expect(matches({ uri: { exact: '/REVIEWS/0' }, ignoreUriCase: true })).toBe(true)
  })

  it('matches header values case-sensitively, names case-insensitively, and {} as presence', () => {
    expect(matches({ headers: { 'End-User': { exact: 'jason' } } })).toBe(true)
    expect(matches({ headers: { 'end-user': { exact: 'Jason' } } })).toBe(false)
    expect(matches({ headers: { 'x-canary': { prefix: 'yes' } } })).toBe(true)
    expect(matches({ headers: { 'x-canary': { regex: '(?i)YES-.*' } } })).toBe(true)
    expect(matches({ headers: { 'x-canary': { regex: 'yes' } } })).toBe(false)
    expect(matches({ headers: { 'x-canary': {} } })).toBe(true)
    expect(matches({ headers: { 'x-missing': {} } })).toBe(false)
    expect(matches({ headers: { 'x-missing': { regex: '*' } } })).toBe(false)
  })

  it('negates withoutHeaders, and absent headers pass it', () => {
    expect(matches({ withoutHeaders: { 'end-user': { exact: 'jason' } } })).toBe(false)
    expect(matches({ withoutHeaders: { 'end-user': { exact: 'alice' } } })).toBe(true)
    expect(matches({ withoutHeaders: { 'x-missing': {} } })).toBe(true)
  })

  it('checks method, authority, port, query parameters, source labels and namespace, and gateways', () => {
    expect(matches({ method: { exact: 'GET' } })).toBe(true)
    expect(matches({ method: { exact: 'POST' } })).toBe(false)
    expect(matches({ authority: { prefix: 'reviews' } })).toBe(true)
    expect(matches({ port: 9080 })).toBe(true)
    expect(matches({ port: 80 })).toBe(false)
    expect(matches({ queryParams: { u: { exact: 'normal' } } })).toBe(true)
    expect(matches({ queryParams: { empty: { exact: '' } } })).toBe(true)
    expect(matches({ queryParams: { absent: { exact: '' } } })).toBe(false)
    expect(matches({ sourceLabels: { app: 'productpage' } })).toBe(true)
    expect(matches({ sourceLabels: { app: 'reviews' } })).toBe(false)
    expect(matches({ sourceNamespace: 'default' })).toBe(false)
    expect(matches({ gateways: ['mesh'] })).toBe(true)
    expect(matches({ gateways: ['bookinfo-gateway'] })).toBe(false)
    expect(matches({ gateways: ['bookinfo-gateway'] }, request(), { ...source, gateway: 'bookinfo/bookinfo-gateway' })).toBe(true)
  })

  it('ANDs the fields inside one match item', () => {
    expect(matches({ uri: { prefix: '/reviews' }, headers: { 'end-user': { exact: 'alice' } } })).toBe(false)
  })
})

describe('matchRoute', () => {
  it('ORs the match items, and a route without match is a catch-all', () => {
    const route = { match: [{ uri: { exact: '/nope' } }, { headers: { 'end-user': { exact: 'jason' } } }] }
    expect(matchRoute(route, request(), source, 'bookinfo')).toBe(true)
    expect(matchRoute(route, request({ headers: {} }), source, 'bookinfo')).toBe(false)
    expect(matchRoute({}, request({ headers: {} }), source, 'bookinfo')).toBe(true)
    expect(matchRoute({ match: [] }, request(), source, 'bookinfo')).toBe(true)
  })
})

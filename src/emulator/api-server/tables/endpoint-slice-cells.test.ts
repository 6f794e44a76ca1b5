// The EndpointSlice table: recording 22's columns and cells, and printers.go's `<unset>`/`*` cases.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../store/kube-object.js'
import { COLUMNS_1_32 } from './column-definitions-1-32.js'
import { endpointSliceCells } from './endpoint-slice-cells.js'

interface RecordedTable {
  columnDefinitions: unknown
  rows: { cells: unknown[] }[]
}

const recorded = (): RecordedTable => {
  const transcript = JSON.parse(readFileSync(new URL('../../../../fixtures/apiserver-v1.32/kubectl-22-get-endpointslices.json', import.meta.url), 'utf8')) as { exchanges: { url: string; response: { body_text?: string } }[] }
  return JSON.parse(transcript.exchanges.find((exchange) => exchange.url.includes('/endpointslices'))!.response.body_text!) as RecordedTable
}

const slice = (endpoints: unknown, ports: unknown): KubeObject => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'web-v2sg8', creationTimestamp: new Date(Date.now() - 60_000).toISOString() },
  addressType: 'IPv4',
  endpoints,
  ports,
})

describe('EndpointSlice table', () => {
  it('has the columns of recording 22', () => {
    expect(COLUMNS_1_32.EndpointSlice).toEqual(recorded().columnDefinitions)
  })

  it('prints the cells recording 22 shows for four endpoints on port 8080', () => {
    const endpoints = ['10.244.2.6', '10.244.1.11', '10.244.3.9', '10.244.1.12'].map((ip) => ({ addresses: [ip], conditions: { ready: true } }))
    expect(endpointSliceCells(slice(endpoints, [{ name: '', protocol: 'TCP', port: 8080 }]))).toEqual(recorded().rows[0]!.cells)
  })

  it('prints <unset> for a placeholder slice, a port name when the number is missing, and * for neither', () => {
    expect(endpointSliceCells(slice(null, null)).slice(1, 4)).toEqual(['IPv4', '<unset>', '<unset>'])
    expect(endpointSliceCells(slice([], [{ name: 'http' }, {}, { port: 1 }, { port: 2 }])).slice(2, 3)).toEqual(['http,*,1 + 1 more...'])
  })
})

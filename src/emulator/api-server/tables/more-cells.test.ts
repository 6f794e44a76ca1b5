// Endpoints and the other 1.32 tables: recording 21's columns and printers.go's ENDPOINTS text.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../store/kube-object.js'
import { COLUMNS_1_32 } from './column-definitions-1-32.js'
import { formatEndpoints, MORE_CELLS } from './more-cells.js'

const endpoints = (subsets: unknown[]): KubeObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', creationTimestamp: new Date().toISOString() }, subsets })
const addresses = (...ips: string[]) => ips.map((ip) => ({ ip }))

describe('Endpoints table', () => {
  it('has the columns of recording 21', () => {
    const transcript = JSON.parse(readFileSync(new URL('../../../../fixtures/apiserver-v1.32/kubectl-21-get-endpoints.json', import.meta.url), 'utf8')) as { exchanges: { url: string; response: { body_text?: string } }[] }
    const table = JSON.parse(transcript.exchanges.find((exchange) => exchange.url.includes('/endpoints'))!.response.body_text!) as { columnDefinitions: unknown }
    expect(COLUMNS_1_32.Endpoints).toEqual(table.columnDefinitions)
  })

  it('prints at most three ip:port, then "+ N more...", as recording 21 shows', () => {
    const four = endpoints([{ addresses: addresses('10.244.1.11', '10.244.2.6', '10.244.3.10', '10.244.3.11'), ports: [{ port: 8080 }] }])
    expect(MORE_CELLS.Endpoints!(four).slice(0, 2)).toEqual(['web', '10.244.1.11:8080,10.244.2.6:8080,10.244.3.10:8080 + 1 more...'])
  })

  it('prints <none> without subsets, bare IPs without ports, and nothing for only not-ready addresses', () => {
    expect(formatEndpoints(endpoints([]))).toBe('<none>')
    expect(formatEndpoints(endpoints([{ addresses: addresses('10.0.0.1', '10.0.0.2') }]))).toBe('10.0.0.1,10.0.0.2')
    expect(formatEndpoints(endpoints([{ notReadyAddresses: addresses('10.0.0.1'), ports: [{ port: 80 }] }]))).toBe('')
  })
})

import { describe, expect, it } from 'vitest'
import { serviceEnvOf } from './service-env.js'

describe('serviceEnvOf', () => {
  it('names variables after the Service and its ports, as a kubelet does, with the sidecar ports as values', () => {
    const services = [
      { name: 'details', namespace: 'bookinfo', ports: [{ name: 'http', port: 9080, protocol: 'TCP' }] },
      { name: 'my-db', namespace: 'bookinfo', ports: [{ port: 5432, protocol: 'TCP' }, { name: 'metrics', port: 9187, protocol: 'TCP' }] },
      { name: 'unmapped', namespace: 'bookinfo', ports: [{ port: 80, protocol: 'TCP' }] },
    ]
    const local: Record<string, number> = { 'details:9080': 41001, 'my-db:5432': 41002, 'my-db:9187': 41003 }
    expect(serviceEnvOf(services, (service, port) => local[`${service.name}:${port}`])).toEqual({
      DETAILS_SERVICE_HOST: '127.0.0.1',
      DETAILS_SERVICE_PORT: '41001',
      DETAILS_SERVICE_PORT_HTTP: '41001',
      DETAILS_PORT: 'tcp://127.0.0.1:41001',
      DETAILS_PORT_9080_TCP: 'tcp://127.0.0.1:41001',
      DETAILS_PORT_9080_TCP_PROTO: 'tcp',
      DETAILS_PORT_9080_TCP_PORT: '41001',
      DETAILS_PORT_9080_TCP_ADDR: '127.0.0.1',
      MY_DB_SERVICE_HOST: '127.0.0.1',
      MY_DB_SERVICE_PORT: '41002',
      MY_DB_SERVICE_PORT_METRICS: '41003',
      MY_DB_PORT: 'tcp://127.0.0.1:41002',
      MY_DB_PORT_5432_TCP: 'tcp://127.0.0.1:41002',
      MY_DB_PORT_5432_TCP_PROTO: 'tcp',
      MY_DB_PORT_5432_TCP_PORT: '41002',
      MY_DB_PORT_5432_TCP_ADDR: '127.0.0.1',
      MY_DB_PORT_9187_TCP: 'tcp://127.0.0.1:41003',
      MY_DB_PORT_9187_TCP_PROTO: 'tcp',
      MY_DB_PORT_9187_TCP_PORT: '41003',
      MY_DB_PORT_9187_TCP_ADDR: '127.0.0.1',
    })
  })
})

// HTTPS in front of the API server: kubectl never sends a bearer token over plain http, so kubeconfigs point here.
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { createServer, DEFAULT_CIPHERS, type TLSSocket } from 'node:tls'
import { selfSignedCertificate } from './self-signed-certificate.js'

export interface TlsEndpoint {
  /** `https://127.0.0.1:<port>` */
  url: string
  close(): Promise<void>
}

/** The API server side of the endpoint: it serves each decrypted connection as one of its own. */
export interface ConnectionSink {
  acceptConnection(socket: Duplex): void
}

/**
 * Terminates TLS on 127.0.0.1 and hands each decrypted connection to the API server in this process
 * (no second loopback hop: a 1.4 MB OpenAPI document is written once, straight into the TLS socket).
 *
 * @example
 * const api = await startApiServer({ store, token })
 * const endpoint = await startApiTlsEndpoint(api)
 * // kubeconfig server: endpoint.url, insecure-skip-tls-verify: true
 */
export const startApiTlsEndpoint = async (api: ConnectionSink, port = 0): Promise<TlsEndpoint> => {
  const sockets = new Set<TLSSocket>()
  // AES-128-GCM first: a third cheaper than Node's default AES-256 for the large OpenAPI bodies, and a suite every
  // Kubernetes client offers; the server's order wins
  const server = createServer({ ...selfSignedCertificate('vitest-chaos emulated cluster'), ciphers: `TLS_AES_128_GCM_SHA256:${DEFAULT_CIPHERS}`, honorCipherOrder: true }, (client) => {
    sockets.add(client)
    client.once('close', () => sockets.delete(client))
    api.acceptConnection(client)
  })
  server.on('tlsClientError', () => undefined)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}

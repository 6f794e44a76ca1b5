// HTTPS in front of the API server: kubectl never sends a bearer token over plain http, so kubeconfigs point here.
import { connect, type AddressInfo, type Socket } from 'node:net'
import { createServer } from 'node:tls'
import { selfSignedCertificate } from './self-signed-certificate.js'

export interface TlsEndpoint {
  /** `https://127.0.0.1:<port>` */
  url: string
  close(): Promise<void>
}

/**
 * Terminates TLS on 127.0.0.1 and pipes each connection to the plain-http API server at `target`.
 *
 * @example
 * const endpoint = await startApiTlsEndpoint('http://127.0.0.1:41234')
 * // kubeconfig server: endpoint.url, insecure-skip-tls-verify: true
 */
export const startApiTlsEndpoint = async (target: string, port = 0): Promise<TlsEndpoint> => {
  const targetPort = Number(new URL(target).port)
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  }
  const server = createServer(selfSignedCertificate('vitest-chaos emulated cluster'), (client) => {
    const upstream = connect({ host: '127.0.0.1', port: targetPort })
    track(client)
    track(upstream)
    client.pipe(upstream).pipe(client)
    client.once('error', () => upstream.destroy())
    upstream.once('error', () => client.destroy())
    client.once('close', () => upstream.destroy())
    upstream.once('close', () => client.destroy())
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

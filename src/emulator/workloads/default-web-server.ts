// The stand-in for any image without a registered program: answers 200 with its pod name on every path.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { imageName, type Program } from './program.js'

const listen = (server: Server) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeIdleConnections()
  })

/**
 * Listens on every container port (HTTP on 127.0.0.1) and answers `200 <pod name>\n`; a container without ports just runs.
 *
 * @example
 * const running = await defaultWebServer({ podName: 'web-1', containerPorts: [80], log: console.log, ...context })
 * await fetch(`http://127.0.0.1:${running.ports[80]}/`) // 200 "web-1\n"
 */
export const defaultWebServer: Program = async (context) => {
  const servers = new Map<number, Server>()
  for (const containerPort of context.containerPorts) {
    const server = createServer((request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Pod-Name': context.podName })
      response.end(`${context.podName}\n`)
      context.log(`${request.method ?? 'GET'} ${request.url ?? '/'} 200`)
    })
    server.keepAliveTimeout = 5_000
    servers.set(containerPort, server)
  }
  const ports: Record<number, number> = {}
  for (const [containerPort, server] of servers) ports[containerPort] = await listen(server)
  context.log(`${context.image} started as ${context.podName}; listening on ${Object.values(ports).join(', ') || 'no ports'}`)
  context.log(`no program is mapped to image "${imageName(context.image)}": the default web server stands in for it (200 on every path)`)
  return {
    ports,
    async stop() {
      await Promise.all([...servers.values()].map(close))
      context.log('received SIGTERM, exiting')
    },
  }
}

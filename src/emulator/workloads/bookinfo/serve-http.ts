import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ProgramContext, RunningProgram } from '../program.js'

export type Handler = (request: IncomingMessage, response: ServerResponse, body: Buffer) => void | Promise<void>

export const sendJson = (response: ServerResponse, status: number, json: string, contentTypeHeader = 'content-type') => {
  response.writeHead(status, { [contentTypeHeader]: 'application/json', 'content-length': Buffer.byteLength(json) })
  response.end(json)
}

export const sendText = (response: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8') => {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) })
  response.end(text)
}

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

const listen = (server: Server): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })

/** Serves one handler on every declared container port (127.0.0.1, ephemeral); SIGTERM stops new connections and lets in-flight requests finish. */
export const serveHttp = async (context: ProgramContext, handler: Handler): Promise<RunningProgram> => {
  const servers: Server[] = []
  const ports: Record<number, number> = {}
  for (const containerPort of context.containerPorts) {
    const server = createServer((request, response) => {
      readBody(request)
        .then((body) => handler(request, response, body))
        .catch((error: unknown) => {
          context.log(`error serving ${request.method} ${request.url}: ${error instanceof Error ? error.message : String(error)}`)
          if (!response.headersSent) sendText(response, 500, 'Internal Server Error')
          else response.destroy()
        })
    })
    servers.push(server)
    ports[containerPort] = await listen(server)
  }
  context.log(`${context.image} listening on ${context.containerPorts.join(', ')}`)
  return {
    ports,
    stop: async () => {
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))))
    },
  }
}

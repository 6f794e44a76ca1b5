import { createServer, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { InThreadHandler, ProgramContext, RunningProgram } from '../program.js'
import { InThreadResponse } from './in-thread-response.js'

/** What a handler reads of a request: an `IncomingMessage` off the socket, or the mesh's request in the cluster's thread. */
export interface HandlerRequest {
  method?: string | undefined
  url?: string | undefined
  headers: IncomingHttpHeaders
}

/** What a handler writes: a `ServerResponse`, or an `InThreadResponse`. */
export interface HandlerResponse {
  readonly headersSent: boolean
  writeHead(status: number, headers?: OutgoingHttpHeaders): unknown
  end(body?: string | Buffer): unknown
  destroy(): unknown
}

export type Handler = (request: HandlerRequest, response: HandlerResponse, body: Buffer) => void | Promise<void>

export const sendJson = (response: HandlerResponse, status: number, json: string, contentTypeHeader = 'content-type') => {
  response.writeHead(status, { [contentTypeHeader]: 'application/json', 'content-length': Buffer.byteLength(json) })
  response.end(json)
}

export const sendText = (response: HandlerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8') => {
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

/**
 * Serves one handler on every declared container port (127.0.0.1, ephemeral) and to the mesh in the cluster's thread;
 * SIGTERM stops new connections (in-thread calls are refused) and lets in-flight requests finish.
 */
export const serveHttp = async (context: ProgramContext, handler: Handler): Promise<RunningProgram> => {
  const serve = (request: HandlerRequest, response: HandlerResponse, body: Promise<Buffer>) =>
    body
      .then((bytes) => handler(request, response, bytes))
      .catch((error: unknown) => {
        context.log(`error serving ${request.method} ${request.url}: ${error instanceof Error ? error.message : String(error)}`)
        if (!response.headersSent) sendText(response, 500, 'Internal Server Error')
        else response.destroy()
      })
  let listening = true
  const inThread: InThreadHandler = (request) => {
    if (!listening) return Promise.resolve('refused')
    const response = new InThreadResponse(request.method)
    void serve(request, response, Promise.resolve(request.body))
    return response.outcome
  }
  const servers: Server[] = []
  const ports: Record<number, number> = {}
  const handlers: Record<number, InThreadHandler> = {}
  for (const containerPort of context.containerPorts) {
    const server = createServer((request, response) => void serve(request, response, readBody(request)))
    servers.push(server)
    ports[containerPort] = await listen(server)
    handlers[containerPort] = inThread
  }
  context.log(`${context.image} listening on ${context.containerPorts.join(', ')}`)
  return {
    ports,
    inThread: handlers,
    stop: async () => {
      listening = false
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))))
    },
  }
}

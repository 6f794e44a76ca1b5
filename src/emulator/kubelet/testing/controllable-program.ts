// Test support: a program whose readiness and crashes a test controls in-process, per pod.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Program } from '../../workloads/program.js'

export interface ProgramHandle {
  setReady(ready: boolean): void
  /** The container exits on its own with this code (a crash). */
  crash(exitCode?: number): void
  /** `stop()` takes 3 s, as for a process that ignores SIGTERM (longer than a 2 s grace period). */
  ignoreSigterm(): void
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    if (!server.listening) return resolve()
    server.close(() => resolve())
    server.closeAllConnections()
  })

/** A program answering `/ready` with 200 or 503; `handles` holds the latest instance per pod name. */
export const createControllableProgram = (): { program: Program; handles: Map<string, ProgramHandle> } => {
  const handles = new Map<string, ProgramHandle>()
  const program: Program = async (context) => {
    let ready = true
    let ignoreSigterm = false
    let exit: (code: number) => void = () => undefined
    const exited = new Promise<{ exitCode: number }>((resolve) => (exit = (exitCode) => resolve({ exitCode })))
    const servers = context.containerPorts.map(() =>
      createServer((request, response) => {
        if (request.url === '/ready') return void response.writeHead(ready ? 200 : 503).end(ready ? 'ready' : 'not ready')
        response.end(`${context.podName}\n`)
      }),
    )
    const ports: Record<number, number> = {}
    for (const [index, server] of servers.entries()) {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      ports[context.containerPorts[index]!] = (server.address() as AddressInfo).port
    }
    context.log(`controllable program up as ${context.podName}`)
    handles.set(context.podName, {
      setReady: (value) => (ready = value),
      crash: (exitCode = 3) => {
        context.log(`crashing with exit code ${exitCode}`)
        void Promise.all(servers.map(close)).then(() => exit(exitCode))
      },
      ignoreSigterm: () => (ignoreSigterm = true),
    })
    const stop = async () => {
      if (ignoreSigterm) await new Promise((resolve) => setTimeout(resolve, 3_000))
      await Promise.all(servers.map(close))
    }
    return { ports, exited, stop }
  }
  return { program, handles }
}

// One readiness or liveness check against the port the container really listens on.
import { connect } from 'node:net'
import type { Container, Probe } from '../controllers/kube-types.js'

/** Resolves a probe's port (number or container port name) to the containerPort. */
export const probeContainerPort = (container: Container, port: number | string): number | undefined => {
  if (typeof port === 'number') return port
  if (/^\d+$/.test(port)) return Number(port)
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort
}

/** True when something accepts a TCP connection on 127.0.0.1:`port` within `timeoutMs`. */
export const tcpOpen = (port: number, timeoutMs: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })

/**
 * True when the probe succeeds: HTTP 200–399, or a TCP connection. `exec` and `grpc` probes cannot run here and pass.
 * `hostPortOf` maps the probed containerPort to the loopback port, or undefined when nothing listens.
 */
export const runProbe = async (probe: Probe, container: Container, hostPortOf: (containerPort: number) => number | undefined): Promise<boolean> => {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000
  const target = probe.httpGet ?? probe.tcpSocket
  if (!target) return true
  const containerPort = probeContainerPort(container, target.port)
  const port = containerPort === undefined ? undefined : hostPortOf(containerPort)
  if (port === undefined) return false
  if (probe.tcpSocket) return tcpOpen(port, timeoutMs)
  try {
    const path = probe.httpGet?.path ?? '/'
    const response = await fetch(`http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`, { signal: AbortSignal.timeout(timeoutMs) })
    await response.body?.cancel()
    return response.status >= 200 && response.status < 400
  } catch {
    return false
  }
}

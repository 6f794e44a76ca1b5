// The kubelet's side of portforward.k8s.io: an error and a data stream per request ID, the data piped to the pod's port.
import { connect } from 'node:net'
import type { KubeObject } from '../../store/kube-object.js'
import type { SpdyStream } from './spdy-session.js'

/** The loopback address where a pod's container port really listens, or undefined when nothing does. */
export type PodPortResolver = (podUid: string, containerPort: number) => { host: string; port: number } | undefined

const refused = (pod: KubeObject, port: number) => {
  const uid = pod.metadata.uid ?? ''
  return (
    `error forwarding port ${port} to pod ${uid}, uid : failed to execute portforward in network namespace "/var/run/netns/cni-${uid}": ` +
    `failed to connect to localhost:${port} inside namespace "${uid}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused IPv6 dial tcp6 [::1]:${port}: connect: connection refused `
  )
}

const fail = (error: SpdyStream, data: SpdyStream, message: string) => {
  error.write(Buffer.from(message))
  error.end()
  data.end()
}

const forward = (pod: KubeObject, resolve: PodPortResolver, error: SpdyStream, data: SpdyStream): void => {
  const port = Number(data.headers.get('port'))
  const target = Number.isInteger(port) && port > 0 && port < 65536 ? resolve(pod.metadata.uid ?? '', port) : undefined
  if (!target) return fail(error, data, refused(pod, port))
  const socket = connect(target.port, target.host)
  let failed = false
  data.onData = (bytes) => socket.write(bytes)
  data.onEnd = () => socket.end()
  data.onReset = () => socket.destroy()
  error.onReset = () => socket.destroy()
  socket.on('data', (bytes: Buffer) => data.write(bytes))
  socket.on('error', () => {
    failed = true
    fail(error, data, refused(pod, port))
  })
  socket.on('close', () => {
    if (failed) return
    data.end()
    error.end()
  })
}

/** A stream handler for one port-forward connection to `pod`. */
export const forwardPodPorts = (pod: KubeObject, resolve: PodPortResolver): ((stream: SpdyStream) => void) => {
  const pending = new Map<string, { error?: SpdyStream; data?: SpdyStream }>()
  return (stream) => {
    const requestId = stream.headers.get('requestid') ?? ''
    const type = stream.headers.get('streamtype')
    if (type !== 'error' && type !== 'data') return stream.end()
    const pair = pending.get(requestId) ?? {}
    pair[type] = stream
    pending.set(requestId, pair)
    if (pair.error && pair.data) {
      pending.delete(requestId)
      forward(pod, resolve, pair.error, pair.data)
    }
  }
}

// exec/attach over the channel.k8s.io WebSocket protocols: kube-apiserver's answer when the kubelet cannot be reached (recording 26).
import type { WebSocket } from 'ws'
import type { KubeObject } from '../../store/kube-object.js'

/** Subprotocols this server accepts for exec/attach, preferred first (v5 adds the close signal kubectl 1.32 uses). */
export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io']

const STDOUT = 1
const ERROR = 3

/** The kubelet URL kube-apiserver would have posted to, with its query in url.Values order. */
const kubeletUrl = (pod: KubeObject, nodeName: string, action: string, query: URLSearchParams): string => {
  const containers = ((pod.spec as { containers?: { name: string }[] } | undefined)?.containers ?? []).map((container) => container.name)
  const container = query.get('container') ?? containers[0] ?? ''
  const flags: [string, string][] = [
    ...query.getAll('command').map((command): [string, string] => ['command', command]),
    ...(query.get('stderr') === 'true' ? [['error', '1'] as [string, string]] : []),
    ...(query.get('stdin') === 'true' ? [['input', '1'] as [string, string]] : []),
    ...(query.get('stdout') === 'true' ? [['output', '1'] as [string, string]] : []),
    ...(query.get('tty') === 'true' ? [['tty', '1'] as [string, string]] : []),
  ]
  return `https://${nodeName}:10250/${action}/${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}/${container}?${new URLSearchParams(flags).toString()}`
}

/** Sends the empty stdout frame, the Status on the error channel and a normal close, as recorded. */
export const answerExec = (ws: WebSocket, pod: KubeObject, nodeName: string, action: string, query: URLSearchParams): void => {
  const cause = `error sending request: Post "${kubeletUrl(pod, nodeName, action, query)}": dial tcp 127.0.0.1:10250: connect: connection refused`
  const status = { metadata: {}, status: 'Failure', message: `Internal error occurred: ${cause}`, reason: 'InternalError', details: { causes: [{ message: cause }] }, code: 500 }
  ws.send(Buffer.from([STDOUT]), { binary: true })
  ws.send(Buffer.concat([Buffer.from([ERROR]), Buffer.from(JSON.stringify(status))]), { binary: true })
  ws.close(1000)
}

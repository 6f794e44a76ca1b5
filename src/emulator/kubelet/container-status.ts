// One container's state as the kubelet tracks it, and its `containerStatuses[]` entry.
import { createHash, randomBytes } from 'node:crypto'

export type ContainerState =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt: string } }
  | { terminated: TerminatedState }

export interface TerminatedState {
  exitCode: number
  reason: string
  message?: string
  startedAt?: string
  finishedAt: string
  containerID: string
}

export interface ContainerRecord {
  name: string
  image: string
  containerID: string
  restartCount: number
  ready: boolean
  started: boolean
  state: ContainerState
  lastState: { terminated?: TerminatedState }
}

export const newContainerId = (): string => `containerd://${randomBytes(32).toString('hex')}`

/** A stable, fake digest reference such as `registry.istio.io/release/examples-bookinfo-reviews-v1@sha256:…`. */
export const imageIdOf = (image: string): string => {
  const repository = image.split('@')[0]!.replace(/:[^/:]+$/, '')
  const qualified = repository.includes('/') ? repository : `docker.io/library/${repository}`
  return `${qualified}@sha256:${createHash('sha256').update(image).digest('hex')}`
}

export const containerStatusOf = (record: ContainerRecord) => ({
  name: record.name,
  state: record.state,
  lastState: record.lastState,
  ready: record.ready,
  restartCount: record.restartCount,
  image: record.image.includes('/') || record.image.includes('.') ? record.image : `docker.io/library/${record.image}${record.image.includes(':') ? '' : ':latest'}`,
  imageID: 'running' in record.state || 'terminated' in record.state ? imageIdOf(record.image) : '',
  ...('waiting' in record.state && record.restartCount === 0 ? {} : { containerID: record.containerID }),
  started: record.started,
})

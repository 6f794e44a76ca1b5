// The contract between the kubelet and the programs that stand in for container images.

/** A `fetch` whose requests leave the pod through its sidecar (the mesh), e.g. `fetch('http://reviews:9080/reviews/0')`. */
export type OutboundFetch = (url: string, init?: RequestInit) => Promise<Response>

export interface ProgramContext {
  podName: string
  namespace: string
  containerName: string
  image: string
  /** Container env plus `HOSTNAME` = pod name, as a container sees it. */
  env: Record<string, string>
  /** The container ports declared in the pod spec; the program binds each on 127.0.0.1 with port 0. */
  containerPorts: number[]
  /** One line of container output, returned by `pods/<name>/log`. */
  log: (line: string) => void
  /** Outbound calls to other Services, through the mesh. */
  fetch: OutboundFetch
}

export interface RunningProgram {
  /** containerPort → the loopback port actually bound. */
  ports: Record<number, number>
  /** SIGTERM: stop accepting connections, let in-flight requests finish or fail as they would. */
  stop(): Promise<void>
  /** Resolves if the program exits on its own (a crash); the kubelet restarts it in place. */
  exited?: Promise<{ exitCode: number }>
}

/** Starts the stand-in for one container image. */
export type Program = (context: ProgramContext) => Promise<RunningProgram>

/** Image → program, matched on the image's repository name without registry and tag. */
export type ProgramRegistry = ReadonlyMap<string, Program>

/** `registry.istio.io/release/examples-bookinfo-reviews-v3:1.20.3` → `examples-bookinfo-reviews-v3`. */
export const imageName = (image: string): string => {
  const withoutDigest = image.split('@')[0] ?? image
  const lastSegment = withoutDigest.split('/').pop() ?? withoutDigest
  return lastSegment.split(':')[0] ?? lastSegment
}

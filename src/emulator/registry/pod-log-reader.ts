// The kubelet serves container logs; the API server's pods/<name>/log asks it through this reader.

export interface PodLogOptions {
  tailLines?: number
  sinceSeconds?: number
  previous?: boolean
  timestamps?: boolean
}

/** Returns a container's log text, or undefined when the pod's kubelet cannot be reached. */
export type PodLogReader = (namespace: string, pod: string, container: string | undefined, options: PodLogOptions) => string | undefined

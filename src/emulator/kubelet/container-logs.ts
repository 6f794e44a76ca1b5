// Container output kept per pod and container, with the previous instance's after a restart.
import type { PodLogOptions } from '../registry/pod-log-reader.js'

interface LogLine {
  at: number
  text: string
}

const MAX_LINES = 5_000

export class ContainerLogs {
  #current = new Map<string, LogLine[]>()
  #previous = new Map<string, LogLine[]>()

  #key = (namespace: string, pod: string, container: string) => `${namespace}/${pod}/${container}`

  append(namespace: string, pod: string, container: string, text: string): void {
    const key = this.#key(namespace, pod, container)
    let lines = this.#current.get(key)
    if (!lines) this.#current.set(key, (lines = []))
    lines.push({ at: Date.now(), text })
    if (lines.length > MAX_LINES) lines.splice(0, lines.length - MAX_LINES)
  }

  /** A restart: the current output becomes `--previous`. */
  rotate(namespace: string, pod: string, container: string): void {
    const key = this.#key(namespace, pod, container)
    this.#previous.set(key, this.#current.get(key) ?? [])
    this.#current.set(key, [])
  }

  forget(namespace: string, pod: string): void {
    const prefix = `${namespace}/${pod}/`
    for (const map of [this.#current, this.#previous]) {
      for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key)
    }
  }

  /** The text `kubectl logs` prints; undefined when this kubelet never ran that container (or, with `previous`, never restarted it). */
  read(namespace: string, pod: string, container: string, options: PodLogOptions = {}): string | undefined {
    const key = this.#key(namespace, pod, container)
    let lines = (options.previous ? this.#previous : this.#current).get(key)
    if (!lines) return undefined
    if (options.sinceSeconds !== undefined) {
      const since = Date.now() - options.sinceSeconds * 1000
      lines = lines.filter((line) => line.at >= since)
    }
    if (options.tailLines !== undefined) lines = options.tailLines <= 0 ? [] : lines.slice(-options.tailLines)
    return lines.map((line) => (options.timestamps ? `${new Date(line.at).toISOString().replace('Z', '000000Z')} ${line.text}\n` : `${line.text}\n`)).join('')
  }
}

// Watch figures for bench/api-server.ts: events/s delivered to concurrent pod watchers, and watch connections/s.
// Watchers and writers share the server's process (fetch streams), so the figures include the client side too.

const NEWLINE = 10

interface Watcher {
  received: () => number
  stop: () => void
}

/** Opens a raw pod watch from `resourceVersion` and counts the event lines it receives. */
const openPodWatch = async (url: string, token: string, resourceVersion: string): Promise<Watcher> => {
  const controller = new AbortController()
  const response = await fetch(`${url}/api/v1/namespaces/default/pods?watch=1&resourceVersion=${resourceVersion}`, {
    headers: { Authorization: `Bearer ${token}` },
    signal: controller.signal,
  })
  if (response.status !== 200 || !response.body) throw new Error(`watch answered ${response.status}`)
  let lines = 0
  const reader = response.body.getReader()
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }))
      if (chunk.done) return
      for (const byte of chunk.value) if (byte === NEWLINE) lines += 1
    }
  })()
  return { received: () => lines, stop: () => controller.abort() }
}

const currentPodsVersion = async (url: string, token: string): Promise<string> => {
  const list = (await (await fetch(`${url}/api/v1/namespaces/default/pods?limit=1`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { metadata: { resourceVersion: string } }
  return list.metadata.resourceVersion
}

/** Resolves once `check` holds, polling each event-loop turn (no fixed sleep), or rejects after `limitMs`. */
const waitUntil = async (check: () => boolean, limitMs: number): Promise<void> => {
  const deadline = Date.now() + limitMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('watch bench: events did not all arrive')
    await new Promise((resolve) => setImmediate(resolve))
  }
}

const send = async (url: string, token: string, method: string, path: string, body: unknown, contentType = 'application/json') => {
  const response = await fetch(`${url}${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType }, body: JSON.stringify(body) })
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}`)
  await response.arrayBuffer()
}

/** `writes` pods created then label-patched over HTTP, one at a time, while `watchers` watch; events delivered per second. */
export const measureWatchDelivery = async (url: string, token: string, watchers: number, pods: number) => {
  const from = await currentPodsVersion(url, token)
  const open = await Promise.all(Array.from({ length: watchers }, () => openPodWatch(url, token, from)))
  const started = performance.now()
  for (let n = 0; n < pods; n += 1) {
    const name = `watched-${n}`
    await send(url, token, 'POST', '/api/v1/namespaces/default/pods', { metadata: { name, labels: { app: 'watched' } }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx:1.25' }] } })
    await send(url, token, 'PATCH', `/api/v1/namespaces/default/pods/${name}`, { metadata: { labels: { round: '2' } } }, 'application/merge-patch+json')
  }
  const expected = watchers * pods * 2
  const total = () => open.reduce((sum, watcher) => sum + watcher.received(), 0)
  await waitUntil(() => total() >= expected, 120_000)
  const seconds = (performance.now() - started) / 1000
  for (const watcher of open) watcher.stop()
  return { delivered: total(), eventsPerSecond: total() / seconds, writesPerSecond: (pods * 2) / seconds }
}

/** `total` watches opened by `concurrency` loops: each waits for the 200 headers, then disconnects. */
export const measureWatchConnects = async (url: string, token: string, concurrency: number, total: number) => {
  const from = await currentPodsVersion(url, token)
  let remaining = total
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (remaining > 0) {
        remaining -= 1
        const watcher = await openPodWatch(url, token, from)
        watcher.stop()
      }
    }),
  )
  return { connectsPerSecond: total / ((performance.now() - started) / 1000) }
}

import { describe, expect, it } from 'vitest'
import { callOverFetch } from './call-over-fetch.js'
import { defaultWebServer } from './default-web-server.js'

const context = (lines: string[], containerPorts: number[]) => ({
  podName: 'web-6b549fdc5c-c2hnr',
  namespace: 'default',
  containerName: 'web',
  image: 'nginx:1.27',
  env: { HOSTNAME: 'web-6b549fdc5c-c2hnr' },
  containerPorts,
  log: (line: string) => lines.push(line),
  fetch: (url: string, init?: RequestInit) => fetch(url, init),
  call: callOverFetch(fetch),
})

describe('defaultWebServer', () => {
  it('answers 200 with its pod name on every path of every port, then refuses connections after stop', async () => {
    const lines: string[] = []
    const running = await defaultWebServer(context(lines, [80, 8080]))
    expect(Object.keys(running.ports).sort()).toEqual(['80', '8080'])
    for (const port of Object.values(running.ports)) {
      const response = await fetch(`http://127.0.0.1:${port}/any/path?x=1`)
      expect(response.status).toBe(200)
      expect(await response.text()).toBe('web-6b549fdc5c-c2hnr\n')
    }
    await running.stop()
    await expect(fetch(`http://127.0.0.1:${running.ports[80]}/`)).rejects.toThrow()
    expect(lines).toContain('GET /any/path?x=1 200')
    expect(lines.at(-1)).toBe('received SIGTERM, exiting')
  })

  it('runs without listening when the container declares no ports', async () => {
    const lines: string[] = []
    const running = await defaultWebServer(context(lines, []))
    expect(running.ports).toEqual({})
    await running.stop()
    expect(lines[0]).toContain('listening on no ports')
  })
})

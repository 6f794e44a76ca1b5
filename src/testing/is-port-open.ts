// Test support: whether something accepts TCP connections at a URL's host and port.
import { connect } from 'node:net'

/**
 * Resolves true when a TCP connection to `url`'s host and port opens, false when it is refused.
 *
 * @example
 * expect(await isPortOpen(cluster.urls.api)).toBe(false)
 */
export const isPortOpen = (url: string): Promise<boolean> =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url)
    const socket = connect(Number(port), hostname)
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })

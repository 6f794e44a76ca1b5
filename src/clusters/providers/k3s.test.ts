import { describe, expect, it } from 'vitest'
import { ClusterError } from '../../errors.js'
import { requireDockerDaemon } from '../require-docker-daemon.js'
import { startCluster } from '../start-cluster.js'

const dockerReason = await requireDockerDaemon(process.env, 'k3s').then(() => undefined, (error: Error) => error.message)

const skipped = dockerReason === undefined ? ' (skipped: a Docker daemon is reachable here, so k3s would really start)' : ''
if (skipped) console.warn(`k3s.test.ts:${skipped}`)

describe('the k3s provider', () => {
  it.skipIf(skipped !== '')(`without a container runtime: one ClusterError line saying it needs Docker${skipped}`, async () => {
    const error = (await startCluster({ provider: 'k3s' }).catch((caught: unknown) => caught)) as ClusterError
    expect(error).toBeInstanceOf(ClusterError)
    expect(error.provider).toBe('k3s')
    expect(error.message).toMatch(/^k3s cluster: could not start the container: .+; the k3s provider needs a running Docker daemon$/)
    expect(error.message).not.toContain('\n')
  }, 60_000)
})

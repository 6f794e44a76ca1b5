import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ClusterError } from '../../errors.js'
import { findBinary } from '../find-binary.js'
import { startCluster } from '../start-cluster.js'

// real executables in a temp PATH stand in for the CLIs a machine may or may not have
const script = async (dir: string, name: string, body: string) => {
  const path = join(dir, name)
  await writeFile(path, `#!/bin/sh\n${body}\n`)
  await chmod(path, 0o755)
}

describe('kind provider prerequisites', () => {
  let empty: string
  let noDaemon: string
  let noIstioctl: string

  beforeAll(async () => {
    empty = await mkdtemp(join(tmpdir(), 'path-empty-'))
    noDaemon = await mkdtemp(join(tmpdir(), 'path-nodaemon-'))
    await script(noDaemon, 'kind', 'exit 0')
    await script(noDaemon, 'docker', 'echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1')
    noIstioctl = await mkdtemp(join(tmpdir(), 'path-noistioctl-'))
    await script(noIstioctl, 'docker', 'echo 27.0.1')
    await script(noIstioctl, 'kind', '[ "$1 $2" = "get clusters" ] && echo "No kind clusters found." >&2; exit 0')
    await writeFile(join(noIstioctl, 'kind.yaml'), 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n')
  })

  afterAll(async () => {
    for (const dir of [empty, noDaemon, noIstioctl]) await rm(dir, { recursive: true, force: true })
  })

  it('finds executables on PATH only', () => {
    expect(findBinary('kind', { PATH: noDaemon })).toBe(join(noDaemon, 'kind'))
    expect(findBinary('kind', { PATH: empty })).toBeUndefined()
    expect(findBinary('kind', {})).toBeUndefined()
  })

  it('without kind on PATH: one line with the install command, no stack trace in the message', async () => {
    const error: unknown = await startCluster({ provider: 'kind', env: { PATH: empty } }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClusterError)
    const message = (error as ClusterError).message
    expect(message).toMatch(/^kind cluster: `kind` is not on PATH; install kind v0\.32\.0: `go install sigs\.k8s\.io\/kind@v0\.32\.0`/)
    expect(message).not.toContain('\n')
    expect((error as ClusterError).provider).toBe('kind')
  })

  it('with kind but no docker CLI: one line saying to install Docker', async () => {
    const onlyKind = await mkdtemp(join(tmpdir(), 'path-onlykind-'))
    await script(onlyKind, 'kind', 'exit 0')
    const error = (await startCluster({ provider: 'kind', env: { PATH: onlyKind } }).catch((caught: unknown) => caught)) as ClusterError
    await rm(onlyKind, { recursive: true, force: true })
    expect(error.message).toBe('kind cluster: `docker` is not on PATH; install Docker Engine (https://docs.docker.com/engine/install/) or Docker Desktop, then start it')
  })

  it('with a docker CLI but no daemon: says the daemon is not reachable and how to start it', async () => {
    const error = (await startCluster({ provider: 'kind', env: { PATH: noDaemon } }).catch((caught: unknown) => caught)) as ClusterError
    expect(error).toBeInstanceOf(ClusterError)
    expect(error.message).toContain('kind cluster: docker is on PATH but its daemon is not reachable')
    expect(error.message).toContain('Cannot connect to the Docker daemon')
    expect(error.message).toContain('sudo systemctl start docker')
    expect(error.message).not.toContain('\n')
  })

  it('with kind and docker but no istioctl: refuses before creating a cluster, naming the install command', async () => {
    const error = (await startCluster({ provider: 'kind', env: { PATH: noIstioctl }, kindConfigPath: join(noIstioctl, 'kind.yaml') }).catch((caught: unknown) => caught)) as ClusterError
    expect(error.message).toMatch(/^kind cluster: `istioctl` is not on PATH; install istioctl 1\.27\.1: `curl -L https:\/\/istio\.io\/downloadIstio/)
  })
})

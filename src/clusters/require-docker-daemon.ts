import { ClusterError } from '../errors.js'
import { requireBinary } from './find-binary.js'
import { INSTALL_HINTS } from './install-hints.js'
import { dockerInfoArgs } from './kind-commands.js'
import { runCommand } from './run-command.js'

/** Fails with one line when the docker CLI is missing or its daemon does not answer `docker info`. */
export const requireDockerDaemon = async (env: NodeJS.ProcessEnv, provider: string, signal?: AbortSignal): Promise<void> => {
  const docker = requireBinary('docker', env, provider)
  try {
    await runCommand(docker, dockerInfoArgs(), { provider, env, timeoutMs: 20_000, ...(signal ? { signal } : {}) })
  } catch (error) {
    const detail = (error as Error).message.replace(/^.*?: `[^`]*` /, '')
    throw new ClusterError(
      `${provider} cluster: docker is on PATH but its daemon is not reachable (${detail}); start it (\`sudo systemctl start docker\`, or open Docker Desktop) or set DOCKER_HOST. No daemon at all? ${INSTALL_HINTS.docker}`,
      provider,
      { cause: error },
    )
  }
}

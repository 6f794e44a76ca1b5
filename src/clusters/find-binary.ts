import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { ClusterError } from '../errors.js'
import { INSTALL_HINTS } from './install-hints.js'

/** The absolute path of an executable on `PATH`, or undefined. */
export const findBinary = (name: string, env: NodeJS.ProcessEnv): string | undefined => {
  for (const dir of (env.PATH ?? '').split(delimiter).filter((entry) => entry !== '')) {
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // not in this directory
    }
  }
  return undefined
}

/** Like {@link findBinary}, but a missing binary is a one-line `ClusterError` saying how to install it. */
export const requireBinary = (name: string, env: NodeJS.ProcessEnv, provider: string): string => {
  const path = findBinary(name, env)
  if (path) return path
  throw new ClusterError(`${provider} cluster: \`${name}\` is not on PATH; ${INSTALL_HINTS[name] ?? `install ${name}`}`, provider)
}

import { accessSync, constants, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, join } from 'node:path'

/** Where an executable named like `process.path` lives, as Python's `shutil.which(expanduser(path))`. */
export interface ExecutableLookup {
  /** The file found, executable or not; undefined when nothing by that name exists. */
  found?: string
  executable: boolean
}

const expandHome = (path: string): string =>
  path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Looks up an executable: `~` expanded, then taken as is when it has a `/`, else searched on `PATH`.
 *
 * @example
 * lookupExecutable('sh', process.env) // { found: '/usr/bin/sh', executable: true }
 */
export const lookupExecutable = (path: string, env: NodeJS.ProcessEnv): ExecutableLookup => {
  const expanded = expandHome(path)
  const candidates = expanded.includes('/')
    ? [expanded]
    : (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, expanded))
  const files = candidates.filter(isFile)
  const executable = files.find(isExecutable)
  if (executable) return { found: executable, executable: true }
  return files[0] ? { found: files[0], executable: false } : { executable: false }
}

import { lookupExecutable } from '../resolve-executable.js'

/** The interpreter the bridge runs, or why there is none (naming the variable to set). */
export type PythonLookup = { path: string; from: 'CHAOS_PYTHON' | 'PATH' } | { problem: string; hint: string }

/**
 * Finds the Python interpreter: `CHAOS_PYTHON` when set (a path or a name on `PATH`), else `python3` on `PATH`.
 *
 * @example
 * const python = findPython(process.env) // { path: '/usr/bin/python3', from: 'PATH' }
 */
export const findPython = (env: NodeJS.ProcessEnv): PythonLookup => {
  const chosen = env.CHAOS_PYTHON
  if (chosen !== undefined && chosen !== '') {
    const lookup = lookupExecutable(chosen, env)
    if (lookup.found && lookup.executable) return { path: lookup.found, from: 'CHAOS_PYTHON' }
    return {
      problem: `CHAOS_PYTHON is set to '${chosen}', which is ${lookup.found ? 'not executable' : 'not an executable file (nor a name found on PATH)'}`,
      hint: 'point CHAOS_PYTHON at a Python 3 interpreter, e.g. CHAOS_PYTHON=/usr/bin/python3, or unset it to use python3 from PATH',
    }
  }
  const lookup = lookupExecutable('python3', env)
  if (lookup.found && lookup.executable) return { path: lookup.found, from: 'PATH' }
  return {
    problem: 'no Python interpreter found: CHAOS_PYTHON is not set and there is no python3 on PATH',
    hint: 'install Python 3 (with the modules the experiment calls) or set CHAOS_PYTHON to an interpreter',
  }
}

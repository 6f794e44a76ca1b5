import { delimiter } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findPython } from '../find-python.js'

/** Folder holding the test-only Python packages (`vcfake`). */
export const TEST_PYTHON_PATH = fileURLToPath(new URL('./python', import.meta.url))

const lookup = findPython(process.env)

/** Why Python tests are skipped on this machine (printed once), or undefined when an interpreter is there. */
export const pythonSkipReason: string | undefined = 'problem' in lookup ? lookup.problem : undefined
if (pythonSkipReason) console.warn(`[vitest-chaos] Python bridge tests skipped: ${pythonSkipReason}`)

/** The environment for runs that import the test packages (and any extra PYTHONPATH entries). */
export const pythonEnv = (...extraPaths: string[]): NodeJS.ProcessEnv => ({
  ...process.env,
  PYTHONPATH: [TEST_PYTHON_PATH, ...extraPaths, process.env.PYTHONPATH].filter(Boolean).join(delimiter),
})

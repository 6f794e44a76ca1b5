import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The bridge script's path: next to this module when run from `src/`, else under the package's
 * `src/providers/python/` (shipped through package.json `files`, since tsc does not copy it to `dist/`).
 */
export const bridgeScriptPath = (): string => {
  const beside = fileURLToPath(new URL('./bridge.py', import.meta.url))
  if (existsSync(beside)) return beside
  return fileURLToPath(new URL('../../../src/providers/python/bridge.py', import.meta.url))
}

import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The vitest-chaos package directory (holds `fixtures/` and `kind-config.yaml`), from `src/` or `dist/` alike. */
export const packageRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 8; depth += 1) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures'))) return dir
    dir = dirname(dir)
  }
  return process.cwd()
}

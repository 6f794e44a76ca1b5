import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { LoadThreadOptions } from './load-thread-protocol.js'

const fromSources = import.meta.url.endsWith('.ts')
const entry = new URL(fromSources ? './load-thread.ts' : './load-thread.js', import.meta.url)

// Run from the TypeScript sources (this repository's own tests), the thread compiles its modules with tsx, a dev dependency.
const tsxApiUrl = (): string => {
  const packageJson = createRequire(import.meta.url).resolve('tsx/package.json')
  const exports = (JSON.parse(readFileSync(packageJson, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports
  return pathToFileURL(join(dirname(packageJson), exports['./esm/api']!.import.default)).href
}

/** Starts the load's own thread (`load-thread.ts`); it ends by itself once the load is over. */
export const startLoadThread = (options: LoadThreadOptions): Worker => {
  if (!fromSources) return new Worker(entry, { workerData: options })
  const boot = `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}) })`
  return new Worker(boot, { eval: true, workerData: options })
}

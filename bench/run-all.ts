// `npm run bench`: runs every benchmark in this folder, one after another, each in its own process.
import { execa } from 'execa'
import { readdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

const folder = fileURLToPath(new URL('.', import.meta.url))
const only = process.argv.slice(2)
const benches = (await readdir(folder))
  .filter((file) => file.endsWith('.ts') && file !== 'run-all.ts')
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort()

let failed = 0
for (const bench of benches) {
  process.stdout.write(`\n=== bench/${bench} ===\n`)
  const result = await execa('npx', ['tsx', `${folder}${bench}`], { stdio: 'inherit', reject: false, timeout: 15 * 60_000 })
  if (result.exitCode !== 0) {
    failed += 1
    process.stdout.write(`bench/${bench} failed (exit ${String(result.exitCode)})\n`)
  }
}
process.exitCode = failed === 0 ? 0 : 1

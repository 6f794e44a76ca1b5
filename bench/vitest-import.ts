// What `import 'vitest-chaos/vitest'` costs a test worker: wall time of the import in a fresh Node process, and which
// packages it loads. `npx tsx bench/vitest-import.ts` (BENCH_RUNS to change the number of rounds, default 9;
// BENCH_COMPARE_WITH=/other/checkout to time that checkout's built dist/vitest/index.js in the same rounds).
// Outside a Vitest run the import ends with Vitest's "failed to find the current suite" error from `test.extend` in
// chaos-test.js; every module of the graph has been loaded and evaluated by then (that body runs last), so the time up
// to that settled import is the import's cost. The floor is importing `vitest` alone the same way.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { describeMachine, formatRuns, median } from './lib/machine.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 9)
const root = fileURLToPath(new URL('..', import.meta.url))

// a load hook that appends every file URL Node loads to MODULE_LOG
const hooks = `import { appendFileSync } from 'node:fs'
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.MODULE_LOG, url + '\\n')
  return next(url, context)
}`
const registerHooks = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)})`
const timeImport = (specifier: string) =>
  `const t = performance.now(); await import(${JSON.stringify(specifier)}).catch(() => undefined); console.log(performance.now() - t)`

console.log(describeMachine())
console.log('building dist/ first, so the import measured is this source tree')
await execa('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root })

const contenders = [
  { name: "import 'vitest' (the floor)", specifier: 'vitest' },
  { name: "import 'vitest-chaos/vitest'", specifier: join(root, 'dist/vitest/index.js') },
  ...(process.env.BENCH_COMPARE_WITH ? [{ name: `the same from ${process.env.BENCH_COMPARE_WITH}`, specifier: join(process.env.BENCH_COMPARE_WITH, 'dist/vitest/index.js') }] : []),
]
const times = new Map<string, number[]>(contenders.map(({ name }) => [name, []]))
for (let round = 0; round <= RUNS; round++) {
  for (const { name, specifier } of contenders) {
    const result = await execa('node', ['--input-type=module', '-e', timeImport(specifier)], { cwd: root })
    if (round > 0) times.get(name)!.push(Number(result.stdout.trim())) // round 0 warms the disk cache
  }
}
console.log(`import time in a fresh process (median of ${RUNS} interleaved rounds):`)
for (const [name, values] of times) console.log(`  ${name.padEnd(32)} ${formatRuns(values)}`)
console.log(`above the floor: +${(median(times.get(contenders[1]!.name)!) - median(times.get(contenders[0]!.name)!)).toFixed(0)} ms`)

const dir = await mkdtemp(join(tmpdir(), 'bench-vitest-import-'))
try {
  const log = join(dir, 'modules.txt')
  await execa('node', ['--import', `data:text/javascript,${encodeURIComponent(registerHooks)}`, '--input-type=module', '-e', timeImport(contenders[1]!.specifier)], {
    cwd: root,
    env: { MODULE_LOG: log },
  })
  const urls = (await readFile(log, 'utf8')).split('\n').filter(Boolean)
  const packages = new Map<string, number>()
  for (const url of urls) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]
    if (name) packages.set(name, (packages.get(name) ?? 0) + 1)
  }
  const own = urls.filter((url) => url.startsWith(`file://${root}dist/`)).length
  console.log(`modules loaded: ${urls.length} (${own} of vitest-chaos's own); by package:`)
  console.log(`  ${[...packages].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name} ${count}`).join(', ')}`)
} finally {
  await rm(dir, { recursive: true, force: true })
}
console.log(describeMachine().replace('machine:', 'after the run:'))

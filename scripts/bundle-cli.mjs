// Bundles the CLI (bin/vitest-chaos.js) from tsc's dist/ into dist/cli-bundle/: one file to parse per command
// instead of hundreds of module loads. Sub-commands stay separate chunks, loaded when they run.
// Inlined: our code and the small pure dependencies every command parses (zod, yaml, jsonpath, picocolors).
// External, loaded from dist/ or node_modules as before:
// - the other dependencies: heavy or native (client-node, autocannon, execa, ws, protobufjs, testcontainers), all
//   imported lazily already, and the test frameworks (peers);
// - modules that find a file next to themselves through import.meta.url (a worker entry, bridge.py), and the
//   emulator with them: it imports nothing else of ours, so nothing is loaded twice.
import { build } from 'esbuild'
import { readFileSync, rmSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'

const dist = resolve('dist')
const inDist = (path) => resolve(dist, path)
const outdir = inDist('cli-bundle')
const inlined = new Set(['zod', 'yaml', 'jsonpath-rfc9535', 'picocolors'])
const manifest = JSON.parse(readFileSync('package.json', 'utf8'))
const external = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })
  .filter((name) => !inlined.has(name))
  .flatMap((name) => [name, `${name}/*`])
const besideThemselves = ['emulator', 'drivers/load/start-load-thread.js', 'providers/python/bridge-script.js'].map(inDist)

const keepInDist = {
  name: 'keep-in-dist',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = resolve(args.resolveDir, args.path)
      if (!besideThemselves.some((kept) => target === kept || target.startsWith(kept + sep))) return undefined
      return { path: `./${relative(outdir, target).split(sep).join('/')}`, external: true }
    })
  },
}

// chunk names are content hashes: clear the last build's, or they pile up in the package
rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: { main: inDist('cli/main.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external,
  chunkNames: 'chunk-[hash]',
  plugins: [keepInDist],
  // yaml's Node build is CommonJS and requires Node's built-ins
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  logLevel: 'warning',
})

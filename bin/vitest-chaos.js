#!/usr/bin/env node
import module from 'node:module'

// Node ≥ 22.1 keeps compiled code between runs (a faster start from the second run on); Node 20 has no such cache.
module.enableCompileCache?.()
// The bundle of dist/cli/main.js (scripts/bundle-cli.mjs, part of `npm run build`): far fewer files to load.
const { main } = await import('../dist/cli-bundle/main.js')

process.exitCode = await main(process.argv.slice(2))

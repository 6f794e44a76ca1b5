// tsc copies no non-TypeScript files: the Python bridge script ships beside its loader in dist/.
import { copyFileSync } from 'node:fs'

copyFileSync('src/providers/python/bridge.py', 'dist/providers/python/bridge.py')

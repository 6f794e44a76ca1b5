import { fileURLToPath } from 'node:url'

/** The bridge script's path: beside this module, in `src/` and in `dist/` (the build copies it there). */
export const bridgeScriptPath = (): string => fileURLToPath(new URL('./bridge.py', import.meta.url))

// The CLI straight from the TypeScript sources (tests spawn it with `node --import tsx`); bin/ runs the built dist/.
import { main } from './main.js'

process.exitCode = await main(process.argv.slice(2))

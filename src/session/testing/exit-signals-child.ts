// A process with one open chaos context whose rollback lasts until the parent writes a line to stdin.
// It prints `ready`, then `signal N` after each signal's handling, `aborted: <reason>`, `rolling back` and `rolled back`.
import { createInterface } from 'node:readline'
import { rollBackOnExitSignals } from '../roll-back-on-exit-signals.js'

const lines = createInterface({ input: process.stdin })
const finishRollback = new Promise<void>((resolve) => lines.once('line', () => resolve()))
// the parent is gone: nothing will finish the rollback
lines.once('close', () => process.exit(3))

rollBackOnExitSignals({
  abort: (reason) => console.log(`aborted: ${(reason as Error).message}`),
  close: async () => {
    console.log('rolling back')
    await finishRollback
    console.log('rolled back')
  },
})
// after the handler above (listeners run in order), so the parent knows its warning has been written
let signals = 0
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => console.log(`signal ${(signals += 1)}`))
console.log('ready')

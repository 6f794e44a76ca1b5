import type { RunListener } from './run-options.js'
import type { LogLevel, RunContext } from './run-context.js'

type Hooks = RunContext['listener']
const HOOKS = ['onRunStart', 'onPhaseStart', 'onPhaseEnd', 'onActivityStart', 'onActivityEnd', 'onHypothesisEnd', 'onRunEnd'] as const

/**
 * Wraps every hook so that a throwing or rejecting listener is logged and ignored, never
 * changing the run's outcome.
 *
 * @example
 * const hooks = guardListener(options.listener, log); await hooks.onPhaseStart('method')
 */
export const guardListener = (listener: RunListener | undefined, log: (level: LogLevel, message: string) => void): Hooks => {
  const guarded: Record<string, (...args: unknown[]) => Promise<void>> = {}
  for (const name of HOOKS) {
    guarded[name] = async (...args: unknown[]) => {
      if (!listener?.[name]) return
      try {
        await (listener[name] as (this: RunListener, ...hookArgs: unknown[]) => unknown).apply(listener, args)
      } catch (error) {
        log('warning', `listener ${name} failed and was ignored: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  return guarded as unknown as Hooks
}

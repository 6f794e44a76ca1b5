import { InvalidExperimentError } from '../errors.js'
import { mergeCatalogs } from '../experiment/activity-function.js'
import { buildLookup, substitute } from '../experiment/substitute.js'
import type { Experiment, HypothesisStrategy, RollbackStrategy } from '../experiment/types.js'
import { initializeJournal } from '../journal/initialize-journal.js'
import { preciseNow } from '../journal/timestamp.js'
import { builtinCatalog } from '../providers/builtin-catalog.js'
import { createProviderContext } from '../providers/create-provider-context.js'
import { createPythonBridge } from '../providers/python/python-bridge.js'
import { configureRun } from './configure-run.js'
import { guardListener } from './guard-listener.js'
import { createInterrupts } from './interrupts.js'
import { cacheActivities } from './resolve-activity.js'
import type { LogLevel, RunContext } from './run-context.js'
import type { RunOptions } from './run-options.js'
import { parseHypothesisStrategy, parseRollbackStrategy } from './strategy.js'

const fromRuntime = <T>(value: string | undefined, parse: (text: string) => T | undefined, path: string): T | undefined => {
  if (value === undefined) return undefined
  const parsed = parse(value)
  if (parsed !== undefined) return parsed
  throw new InvalidExperimentError([{ path, code: 'unknown-strategy', message: `Unknown strategy '${value}'`, hint: 'see the strategies listed in docs/engine.md' }])
}

/** chaoslib's quirk: a `runtime` block supplies both strategies, a missing one meaning `default`. */
const strategiesFrom = (experiment: Experiment, options: RunOptions): { hypothesis: HypothesisStrategy; rollback: RollbackStrategy } => ({
  hypothesis: options.hypothesisStrategy ?? fromRuntime(experiment.runtime?.hypothesis?.strategy, parseHypothesisStrategy, '/runtime/hypothesis/strategy') ?? 'default',
  rollback: options.rollbackStrategy ?? fromRuntime(experiment.runtime?.rollbacks?.strategy, parseRollbackStrategy, '/runtime/rollbacks/strategy') ?? 'default',
})

/**
 * Resolves everything a run needs (configuration, secrets, dynamic configuration, strategies, the
 * substituted title) and opens the journal. Throws InvalidExperimentError for a missing env key.
 */
export const createRunContext = async (experiment: Experiment, options: RunOptions): Promise<RunContext> => {
  const startMs = preciseNow()
  const mode = options.mode ?? 'compatible'
  const env = options.env ?? process.env
  const catalog = mergeCatalogs(builtinCatalog, options.catalog ?? {})
  const log = (level: LogLevel, message: string) => {
    try {
      options.listener?.onLog?.(level, message)
    } catch {
      // a logging hook must not change the run
    }
  }
  const strategies = strategiesFrom(experiment, options)
  const interrupts = createInterrupts(options.signal, options.stopSignal)
  const python = createPythonBridge({ env, log })
  const { configuration, secrets } = await configureRun(experiment, options, { catalog, env, signal: interrupts.any, log, python }).catch(async (error: unknown) => {
    interrupts.dispose()
    await python.stop()
    throw error
  })
  const lookup = buildLookup(configuration, secrets)
  const titled: Experiment = { ...experiment, title: substitute(experiment.title, lookup), dry: options.dry ?? null }
  const { signal: _unused, ...providers } = createProviderContext({ configuration, secrets, catalog, env, signal: interrupts.any, strict: mode === 'strict', log: (level, message) => log(level, message), python })
  // a shallow copy, as chaoslib's journal takes: keys a control adds to the experiment later do not show in it
  const journal = initializeJournal({ ...titled }, { mode, startMs })
  return {
    experiment: titled,
    journal,
    startedMs: startMs,
    mode,
    ...(options.dry ? { dry: options.dry } : {}),
    hypothesisStrategy: strategies.hypothesis,
    rollbackStrategy: strategies.rollback,
    hypothesisFrequency: options.hypothesisFrequency ?? 1,
    failFast: options.failFast ?? false,
    interrupts,
    providers,
    catalog,
    lookup,
    activities: cacheActivities(titled),
    listener: guardListener(options.listener, log),
    log,
    explain: (reason, force = false) => {
      if (force || journal['vitest-chaos'].reason === undefined) journal['vitest-chaos'].reason = reason
    },
  }
}

import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ParseArgsConfig } from 'node:util'
import { loadCatalogFor } from '../../drivers/load-driver-catalog.js'
import { InvalidExperimentError, isChaosError } from '../../errors.js'
import { InvalidVarError } from '../../experiment/invalid-var-error.js'
import { loadExperiment } from '../../experiment/load-experiment.js'
import type { DryMode, Experiment, JsonValue } from '../../experiment/types.js'
import { loadVars } from '../../experiment/vars.js'
import { summarizeJournal } from '../../journal/summarize-journal.js'
import { writeJournal } from '../../journal/write-journal.js'
import { builtinCatalog } from '../../providers/builtin-catalog.js'
import { runExperiment } from '../../run/run-experiment.js'
import { parseHypothesisStrategy, parseRollbackStrategy } from '../../run/strategy.js'
import { validateExperiment } from '../../run/validate-experiment.js'
import type { CliCommand, CliIO } from '../cli-command.js'
import { formatIssues } from '../output/format-issues.js'
import { formatLogLine, type LogLevel } from '../output/format-log-line.js'
import { choiceOf, parseCommandArgs, UsageError } from '../output/parse-command-args.js'
import { checkClusterBeforeRun } from './check-before-run.js'

const DRY_MODES = ['probes', 'actions', 'activities', 'pause'] as const

const options: NonNullable<ParseArgsConfig['options']> = {
  'journal-path': { type: 'string', default: './journal.json' },
  'rollback-strategy': { type: 'string' },
  'hypothesis-strategy': { type: 'string' },
  'hypothesis-frequency': { type: 'string' },
  'fail-fast': { type: 'boolean', default: false },
  var: { type: 'string', multiple: true, default: [] },
  'var-file': { type: 'string', multiple: true, default: [] },
  dry: { type: 'string' },
  'no-validation': { type: 'boolean', default: false },
  'no-verify-tls': { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
}

const usage = `Usage: vitest-chaos run FILE [options]

Runs a Chaos Toolkit experiment (JSON or YAML file, or http(s) URL) and writes its journal.
Log lines go to stderr; the summary and the journal path go to stdout.

Options:
  --journal-path PATH          where to write the journal (default ./journal.json)
  --rollback-strategy S        default | always | never | deviated
  --hypothesis-strategy S      default | before-method-only | after-method-only | during-method-only | continuously
  --hypothesis-frequency N     seconds between continuous hypothesis checks (default 1)
  --fail-fast                  stop when the continuous hypothesis deviates
  --var KEY[:TYPE]=VALUE       override a configuration key (repeatable)
  --var-file PATH              .json/.yaml {configuration, secrets} or .env file (repeatable)
  --dry MODE                   probes | actions | activities | pause
  --no-validation              run without validating first
  --no-verify-tls              do not verify TLS when loading the experiment from an https URL
  --strict                     strict mode: failed actions fail the run, rollbacks always run

Exit codes: 0 completed without deviation; 1 deviated, failed, aborted, interrupted or invalid; 2 bad usage.
`

const parseFrequency = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const seconds = Number(value)
  if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`invalid value for '--hypothesis-frequency': '${value}' is not a number of seconds`)
  return seconds
}

const parseRunArgs = (argv: string[]) => {
  const { file, values } = parseCommandArgs(argv, options)
  const varFiles = values['var-file'] as string[]
  const missing = varFiles.find((path) => !existsSync(path))
  if (missing) throw new UsageError(`invalid value for '--var-file': file '${missing}' does not exist`)
  return {
    file,
    journalPath: values['journal-path'] as string,
    rollbackStrategy: choiceOf('rollback-strategy', values['rollback-strategy'], parseRollbackStrategy, ['default', 'always', 'never', 'deviated']),
    hypothesisStrategy: choiceOf('hypothesis-strategy', values['hypothesis-strategy'], parseHypothesisStrategy, ['default', 'before-method-only', 'after-method-only', 'during-method-only', 'continuously']),
    hypothesisFrequency: parseFrequency(values['hypothesis-frequency'] as string | undefined),
    failFast: values['fail-fast'] as boolean,
    vars: values.var as string[],
    varFiles,
    dry: choiceOf<DryMode>('dry', values.dry, (text) => (DRY_MODES as readonly string[]).includes(text) ? (text as DryMode) : undefined, DRY_MODES),
    validation: !(values['no-validation'] as boolean),
    verifyTls: !(values['no-verify-tls'] as boolean),
    strict: values.strict as boolean,
  }
}

const createLog = (io: CliIO) => {
  const colors = Boolean(process.stderr.isTTY) && !('NO_COLOR' in process.env)
  return (level: LogLevel, message: string) => io.stderr(formatLogLine(level, message, { date: new Date(), colors }))
}

const runCommand = async (argv: string[], io: CliIO): Promise<number> => {
  const args = parseRunArgs(argv)
  const log = createLog(io)
  const loaded = await loadExperiment(args.file, { verifyTls: args.verifyTls })
  const vars = await loadVars(args.varFiles, args.vars, process.env)
  const configurationVars = vars.configuration as Record<string, JsonValue>
  const secretVars = vars.secrets as Record<string, Record<string, JsonValue>>
  const catalog = await loadCatalogFor(loaded.document, builtinCatalog)
  if (args.validation) {
    log('info', "Validating the experiment's syntax")
    const issues = validateExperiment(loaded.document, { catalog, locate: (pointer) => loaded.locate(pointer), configurationVars, secretVars, mode: args.strict ? 'strict' : 'compatible' })
    if (issues.length > 0) {
      io.stderr(`${loaded.source}: the experiment has ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${formatIssues(issues)}`)
      return 1
    }
    log('info', 'Experiment looks valid')
  }
  if (!args.dry) await checkClusterBeforeRun(loaded.document, log)
  const journal = await runExperiment(loaded.document as Experiment, {
    mode: args.strict ? 'strict' : 'compatible',
    catalog, configurationVars, secretVars,
    ...(args.rollbackStrategy ? { rollbackStrategy: args.rollbackStrategy } : {}),
    ...(args.hypothesisStrategy ? { hypothesisStrategy: args.hypothesisStrategy } : {}),
    ...(args.hypothesisFrequency !== undefined ? { hypothesisFrequency: args.hypothesisFrequency } : {}),
    ...(args.dry ? { dry: args.dry } : {}),
    failFast: args.failFast,
    signal: io.signal,
    stopSignal: io.stopSignal,
    listener: { onLog: log },
  })
  await writeJournal(args.journalPath, journal)
  io.stdout(`${summarizeJournal(journal)}Journal: ${resolve(args.journalPath)}\n`)
  return journal.status === 'completed' && !journal.deviated ? 0 : 1
}

const reportFailure = (error: unknown, io: CliIO): number => {
  if (error instanceof UsageError || error instanceof InvalidVarError) {
    io.stderr(`vitest-chaos run: ${error.message}\nRun \`vitest-chaos run --help\` for the options.\n`)
    return 2
  }
  if (error instanceof InvalidExperimentError) {
    io.stderr(`the experiment cannot run: ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}\n${formatIssues(error.issues)}`)
    return 1
  }
  io.stderr(`vitest-chaos run: ${isChaosError(error) || error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`)
  return 1
}

/** `vitest-chaos run FILE`: `chaos run` with the same flags, statuses and exit codes. */
export const runCommandDefinition: CliCommand = {
  name: 'run',
  usage,
  run: (argv, io) => runCommand(argv, io).catch((error: unknown) => reportFailure(error, io)),
}

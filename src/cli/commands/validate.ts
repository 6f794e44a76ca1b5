import { loadCatalogFor } from '../../drivers/load-driver-catalog.js'
import { isChaosError } from '../../errors.js'
import { loadExperiment } from '../../experiment/load-experiment.js'
import { builtinCatalog } from '../../providers/builtin-catalog.js'
import { validateExperiment } from '../../run/validate-experiment.js'
import type { CliCommand, CliIO } from '../cli-command.js'
import { formatIssues } from '../output/format-issues.js'
import { parseCommandArgs, UsageError } from '../output/parse-command-args.js'

const usage = `Usage: vitest-chaos validate FILE [--no-verify-tls]

Checks a Chaos Toolkit experiment and prints every problem at once, one per line with its
file:line:col (or JSON pointer). Exit code 0 when valid, 1 when not, 2 on bad usage.
`

const validateCommand = async (argv: string[], io: CliIO): Promise<number> => {
  const { file, values } = parseCommandArgs(argv, { 'no-verify-tls': { type: 'boolean', default: false } })
  const loaded = await loadExperiment(file, { verifyTls: !values['no-verify-tls'] })
  const issues = validateExperiment(loaded.document, { catalog: await loadCatalogFor(loaded.document, builtinCatalog), locate: (pointer) => loaded.locate(pointer) })
  if (issues.length === 0) {
    io.stdout('experiment syntax and semantic look valid\n')
    return 0
  }
  io.stderr(`${loaded.source}: the experiment has ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${formatIssues(issues)}`)
  return 1
}

/** `vitest-chaos validate FILE`: every validation issue at once. */
export const validateCommandDefinition: CliCommand = {
  name: 'validate',
  usage,
  run: (argv, io) =>
    validateCommand(argv, io).catch((error: unknown) => {
      const usageError = error instanceof UsageError
      io.stderr(`vitest-chaos validate: ${isChaosError(error) || error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`)
      return usageError ? 2 : 1
    }),
}

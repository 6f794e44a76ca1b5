import { parseArgs } from 'node:util'
import { VersionApi, type KubeConfig } from '@kubernetes/client-node'
import { parseDuration, type Duration } from '../../authoring/duration.js'
import { loadKubeconfig } from '../../clusters/load-kubeconfig.js'
import { selectAllowedContext } from '../../clusters/providers/existing.js'
import { ledgerPath } from '../../drivers/ledger/local-ledger.js'
import { formatLedgerProblem, formatRecoveryLine, recoverFaults } from '../../drivers/recovery/recover-faults.js'
import { isChaosError } from '../../errors.js'
import type { CliCommand, CliIO } from '../cli-command.js'
import { UsageError } from '../output/parse-command-args.js'

const usage = `Usage: vitest-chaos recover [--dry-run] [--context NAME] [--older-than DURATION] [--all]

Undoes, exactly, the changes chaos runs left behind on the cluster of the current KUBECONFIG context: nodes
they cordoned (uncordoned only if they were schedulable before), VirtualService routes they faulted (restored
from the recorded snapshot), deployments they scaled (back to the recorded replicas). It finds them through the
vitest-chaos.io/ annotations on the objects and the local ledger (CHAOS_LEDGER, default .chaos/ledger.jsonl).
By default only changes whose run is no longer alive (its process is gone from this host) or past its deadline.
The context must match CHAOS_ALLOWED_CONTEXTS (default kind-*, k3s*, emulated). Prints one line per object.

Options:
  --dry-run             list what would be undone, change nothing
  --context NAME        use this kubeconfig context instead of the current one
  --older-than D        also undo changes made more than D ago (e.g. 10m, 90s), whatever their run
  --all                 undo every recorded change, also those of runs still alive

Exit codes: 0 nothing is left to undo; 1 something could not be undone (the line says what and why); 2 bad usage.
`

const parseRecoverArgs = (argv: string[]) => {
  let parsed
  try {
    parsed = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: { 'dry-run': { type: 'boolean', default: false }, context: { type: 'string' }, 'older-than': { type: 'string' }, all: { type: 'boolean', default: false } },
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const olderThan = parsed.values['older-than']
  let olderThanMs: number | undefined
  if (olderThan !== undefined) {
    try {
      olderThanMs = parseDuration(olderThan as Duration)
    } catch (error) {
      throw new UsageError(`invalid value for '--older-than': ${(error as Error).message}`)
    }
  }
  return { dryRun: parsed.values['dry-run'], context: parsed.values.context, all: parsed.values.all, olderThanMs }
}

const checkReachable = async (kc: KubeConfig, context: string): Promise<void> => {
  try {
    await kc.makeApiClient(VersionApi).getCode()
  } catch (error) {
    throw new Error(`cannot reach the API server of context '${context}' (${kc.getCurrentCluster()?.server ?? 'no server'}): ${(error as Error).message.split('\n')[0]}`, { cause: error })
  }
}

const recoverCommand = async (argv: string[], io: CliIO): Promise<number> => {
  const args = parseRecoverArgs(argv)
  const kc = loadKubeconfig(process.env)
  const context = selectAllowedContext(kc, { ...(args.context ? { context: args.context } : {}), env: process.env })
  await checkReachable(kc, context)
  const report = await recoverFaults(kc, { dryRun: args.dryRun, all: args.all, ...(args.olderThanMs !== undefined ? { olderThanMs: args.olderThanMs } : {}) })
  for (const problem of report.ledgerProblems) io.stderr(`${formatLedgerProblem(problem, ledgerPath())}\n`)
  for (const line of report.lines) io.stdout(`${formatRecoveryLine(line)}\n`)
  if (report.lines.length === 0) io.stdout(`nothing to recover on context '${context}'\n`)
  return report.failed ? 1 : 0
}

const reportFailure = (error: unknown, io: CliIO): number => {
  if (error instanceof UsageError) {
    io.stderr(`vitest-chaos recover: ${error.message}\nRun \`vitest-chaos recover --help\` for the options.\n`)
    return 2
  }
  io.stderr(`vitest-chaos recover: ${isChaosError(error) || error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`)
  return 1
}

/** `vitest-chaos recover`: undo exactly what dead chaos runs left on the cluster. */
export const recoverCommandDefinition: CliCommand = {
  name: 'recover',
  usage,
  run: (argv, io) => recoverCommand(argv, io).catch((error: unknown) => reportFailure(error, io)),
}

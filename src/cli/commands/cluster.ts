import { rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_KIND_NAME } from '../../clusters/cluster-provider.js'
import { formatEnvLines, readClusterState, removeClusterState, writeClusterState, writeEnvFile } from '../../clusters/cluster-state.js'
import { loadClusterProvider } from '../../clusters/load-cluster-provider.js'
import { startCluster } from '../../clusters/start-cluster.js'
import type { ClusterProviderName, StartedCluster } from '../../clusters/started-cluster.js'
import type { ProcessProgram, ProcessPrograms } from '../../emulator/index.js'
import { isChaosError } from '../../errors.js'
import type { CliCommand, CliIO } from '../cli-command.js'

const usage = `Usage: vitest-chaos cluster up [--provider emulated|kind|k3s] [--state-dir DIR] [--no-bookinfo] [--name NAME]
                                  [--program IMAGE=COMMAND]... [--manifest FILE]...
       vitest-chaos cluster down [--provider emulated|kind|k3s] [--state-dir DIR] [--name NAME]

up    Starts a cluster with bookinfo, writes DIR/kubeconfig, DIR/cluster.json and DIR/env, and prints
      \`export KUBECONFIG=…\` and \`export PRODUCT_PAGE_SERVICE_BASE_URL=…\` on stdout (progress goes to stderr).
      emulated and k3s stay in the foreground until Ctrl-C or SIGTERM, then stop and leave nothing running.
      kind returns once the cluster is ready; the cluster keeps running in Docker until \`cluster down\`.
down  kind: \`kind delete cluster\`. emulated/k3s: signals the \`cluster up\` recorded in DIR/cluster.json.

Options:
  --provider   emulated (default), kind or k3s; down reads it from DIR/cluster.json when omitted
  --state-dir  where the files go (default .chaos)
  --no-bookinfo  start an empty cluster
  --name       kind cluster name (default ${DEFAULT_KIND_NAME})
  --program    emulated: run image IMAGE (name without registry and tag) as COMMAND, through /bin/sh -c,
               e.g. --program shop='node examples/own-service/shop.js'; repeatable
  --manifest   a YAML file applied after bookinfo, waited for until its workloads are Ready; repeatable

In another terminal: source .chaos/env && npx vitest run chaos
`

class ClusterUsageError extends Error {}

const PROVIDERS = ['emulated', 'kind', 'k3s'] as const

const parseClusterArgs = (argv: string[]) => {
  let parsed
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        provider: { type: 'string' }, 'state-dir': { type: 'string', default: '.chaos' }, 'no-bookinfo': { type: 'boolean', default: false }, name: { type: 'string' },
        program: { type: 'string', multiple: true, default: [] }, manifest: { type: 'string', multiple: true, default: [] },
      },
    })
  } catch (error) {
    throw new ClusterUsageError((error as Error).message)
  }
  const [action, ...extra] = parsed.positionals
  if (action !== 'up' && action !== 'down') throw new ClusterUsageError(`expected 'up' or 'down', got ${action === undefined ? 'nothing' : `'${action}'`}`)
  if (extra.length > 0) throw new ClusterUsageError(`unexpected extra argument '${extra[0]}'`)
  const provider = parsed.values.provider
  if (provider !== undefined && !(PROVIDERS as readonly string[]).includes(provider)) {
    throw new ClusterUsageError(`invalid value for '--provider': '${provider}' is not one of ${PROVIDERS.join(', ')}`)
  }
  return {
    action, provider: provider as ClusterProviderName | undefined, stateDir: resolve(parsed.values['state-dir']),
    bookinfo: !parsed.values['no-bookinfo'], name: parsed.values.name,
    programs: parsePrograms(parsed.values.program), manifests: parsed.values.manifest.map((path) => resolve(path)),
  }
}

/** `IMAGE=COMMAND` flags → programs; the command runs through the shell so it may carry arguments and variables. */
const parsePrograms = (flags: string[]): ProcessPrograms => {
  const programs: Record<string, ProcessProgram> = {}
  for (const flag of flags) {
    const at = flag.indexOf('=')
    const image = flag.slice(0, Math.max(at, 0)).trim()
    const command = flag.slice(at + 1).trim()
    if (at <= 0 || !image || !command) throw new ClusterUsageError(`invalid value for '--program': '${flag}' is not IMAGE=COMMAND (e.g. --program shop='node shop.js')`)
    if (/[/:@]/.test(image)) throw new ClusterUsageError(`invalid value for '--program': '${image}' must be an image name without registry and tag (e.g. 'shop' for ghcr.io/me/shop:1.0)`)
    programs[image] = { command: ['/bin/sh', '-c', command] }
  }
  return programs
}

type ClusterArgs = ReturnType<typeof parseClusterArgs>

const untilAborted = (signal: AbortSignal) =>
  new Promise<void>((done) => (signal.aborted ? done() : signal.addEventListener('abort', () => done(), { once: true })))

const recordCluster = async (cluster: StartedCluster, args: ClusterArgs, foreground: boolean) => {
  await writeEnvFile(args.stateDir, cluster.env)
  return writeClusterState(args.stateDir, {
    provider: cluster.provider, name: cluster.name, context: cluster.context, kubeconfigPath: cluster.kubeconfigPath,
    urls: cluster.urls, istio: cluster.istio, env: cluster.env, startedAt: new Date().toISOString(),
    ...(foreground ? { pid: process.pid } : {}),
  })
}

const clusterUp = async (args: ClusterArgs, io: CliIO): Promise<number> => {
  const provider = args.provider ?? 'emulated'
  // a cluster that lives in this process keeps it in the foreground; a detached one (kind) is left running
  const foreground = (await loadClusterProvider(provider)).lifetime === 'process'
  const cluster = await startCluster({
    provider, stateDir: args.stateDir, bookinfo: args.bookinfo, signal: io.signal, keep: !foreground, programs: args.programs, manifests: args.manifests,
    ...(args.name ? { name: args.name } : {}), log: (line) => io.stderr(`${line}\n`),
  })
  try {
    if (io.signal.aborted && foreground) {
      io.stderr(`interrupted while starting; stopping the ${provider} cluster\n`)
      return 130
    }
    const statePath = await recordCluster(cluster, args, foreground)
    io.stdout(formatEnvLines(cluster.env))
    io.stderr(`${provider} cluster '${cluster.name}' is ready (API ${cluster.urls.api}); state in ${statePath}\n`)
    if (!foreground) {
      io.stderr(`it keeps running; delete it with \`vitest-chaos cluster down --provider ${provider} --state-dir ${args.stateDir}\`\n`)
      return 0
    }
    io.stderr('in another terminal: source ' + join(args.stateDir, 'env') + ' && npx vitest run chaos   (Ctrl-C here stops the cluster)\n')
    await untilAborted(io.signal)
    io.stderr(`stopping the ${provider} cluster\n`)
  } finally {
    if (foreground) {
      await cluster.stop()
      await removeClusterState(args.stateDir)
      // the kubeconfig names a cluster that is gone now
      await rm(cluster.kubeconfigPath, { force: true })
    }
  }
  return 0
}

const clusterDown = async (args: ClusterArgs, io: CliIO): Promise<number> => {
  const state = await readClusterState(args.stateDir)
  const provider = await loadClusterProvider(args.provider ?? state?.provider ?? 'emulated')
  const { stopped, message } = await provider.stopRecorded({
    stateDir: args.stateDir, state, env: process.env, signal: io.signal, log: (line) => io.stderr(`${line}\n`), ...(args.name ? { name: args.name } : {}),
  })
  io.stderr(stopped ? `${message}\n` : `vitest-chaos cluster down: ${message}\n`)
  return stopped ? 0 : 1
}

/** `vitest-chaos cluster up|down`: a cluster for a second terminal, its env printed on stdout. */
export const clusterCommandDefinition: CliCommand = {
  name: 'cluster',
  usage,
  run: async (argv, io) => {
    try {
      const args = parseClusterArgs(argv)
      return await (args.action === 'up' ? clusterUp(args, io) : clusterDown(args, io))
    } catch (error) {
      const message = isChaosError(error) || error instanceof Error ? error.message.split('\n')[0] : String(error)
      io.stderr(`vitest-chaos cluster: ${message}\n`)
      return error instanceof ClusterUsageError ? 2 : 1
    }
  },
}

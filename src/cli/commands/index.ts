import type { CliCommandEntry } from '../cli-command.js'

/**
 * Every sub-command, in the order `--help` lists them. Each is imported only when it runs, so `--help` and
 * `validate` never load the emulator, client-node or autocannon.
 */
export const commands: CliCommandEntry[] = [
  { name: 'run', summary: 'run a Chaos Toolkit experiment and write its journal', load: async () => (await import('./run.js')).runCommandDefinition },
  { name: 'validate', summary: 'check an experiment and list every problem', load: async () => (await import('./validate.js')).validateCommandDefinition },
  { name: 'cluster', summary: 'start (up) or stop (down) a cluster with bookinfo', load: async () => (await import('./cluster.js')).clusterCommandDefinition },
  { name: 'recover', summary: 'undo the faults that dead chaos runs left on the cluster', load: async () => (await import('./recover.js')).recoverCommandDefinition },
  { name: 'init', summary: 'set up chaos tests: config, an example test, a CI workflow', load: async () => (await import('./init.js')).initCommandDefinition },
]

import type { CliCommand } from '../cli-command.js'
import { clusterCommandDefinition } from './cluster.js'
import { initCommandDefinition } from './init.js'
import { runCommandDefinition } from './run.js'
import { validateCommandDefinition } from './validate.js'

/** Every sub-command, in the order `--help` lists them. */
export const commands: CliCommand[] = [runCommandDefinition, validateCommandDefinition, clusterCommandDefinition, initCommandDefinition]

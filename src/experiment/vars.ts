// `--var key[:type]=value` and `--var-file` overrides, read as the Chaos Toolkit CLI reads them (`merge_vars`).
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { InvalidSourceError } from '../errors.js'
import { convertToType } from './env-var-type.js'
import { InvalidVarError } from './invalid-var-error.js'
import { isPlainObject } from './plain-object.js'

/** What a var file overrides: configuration keys and whole secret scopes. */
export interface VarFile {
  configuration: Record<string, unknown>
  secrets: Record<string, unknown>
}

/**
 * Parses one `--var key[:type]=value` (type as `env_var_type`; `str` when omitted).
 *
 * @example
 * parseVar('replicas:int=3') // { key: 'replicas', value: 3 }
 */
export function parseVar(text: string): { key: string; value: unknown } {
  const equals = text.indexOf('=')
  if (equals < 0) throw new InvalidVarError(`--var '${text}' needs to be in the format name[:type]=value (for example replicas:int=3)`)
  let key = text.slice(0, equals)
  const raw = text.slice(equals + 1)
  const colon = key.lastIndexOf(':')
  if (colon < 0) return { key, value: raw }
  const type = key.slice(colon + 1)
  key = key.slice(0, colon)
  try {
    return { key, value: convertToType(type, raw) }
  } catch (error) {
    throw new InvalidVarError(`--var '${text}': ${(error as Error).message} (for example replicas:int=3)`, { cause: error })
  }
}

/** Parses every `--var`; later ones win. */
export const parseVars = (texts: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(texts.map((text) => parseVar(text)).map(({ key, value }) => [key, value]))

const readStructured = (path: string, content: string): unknown => {
  try {
    return extname(path) === '.json' ? (JSON.parse(content) as unknown) : (parseYaml(content) as unknown)
  } catch (error) {
    throw new InvalidSourceError(`Failed to parse variable file '${path}': ${(error as Error).message}`, { cause: error })
  }
}

const exportEnvFile = (path: string, content: string, env: Record<string, string | undefined>): void => {
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const equals = line.indexOf('=')
    if (equals < 0) throw new InvalidSourceError(`${path}:${index + 1}: '${line}' is not a KEY=value line; fix or comment it out with #`)
    env[line.slice(0, equals)] = line.slice(equals + 1)
  })
}

/**
 * Reads one var file: `.json`/`.yaml`/`.yml` give `{configuration, secrets}`; any other file (or one with
 * no data) is a `.env` file whose `KEY=value` lines are exported into `env`.
 *
 * @example
 * const vars = await loadVarFile('staging.yaml', process.env)
 */
export async function loadVarFile(path: string, env: Record<string, string | undefined>): Promise<VarFile> {
  let content: string
  try {
    content = await readFile(path, 'utf8')
  } catch (error) {
    throw new InvalidSourceError(`Cannot read var file '${path}': ${(error as Error).message}; check the --var-file path`, { cause: error })
  }
  const empty: VarFile = { configuration: {}, secrets: {} }
  if (content === '') return empty
  const structured = ['.json', '.yaml', '.yml'].includes(extname(path)) ? readStructured(path, content) : undefined
  if (!isPlainObject(structured) || Object.keys(structured).length === 0) {
    exportEnvFile(path, content, env)
    return empty
  }
  return {
    configuration: isPlainObject(structured.configuration) ? structured.configuration : {},
    secrets: isPlainObject(structured.secrets) ? structured.secrets : {},
  }
}

/**
 * Merges var files in order; later files override earlier configuration keys and secret scopes.
 *
 * @example
 * mergeVarFiles(base, overrides).configuration
 */
export const mergeVarFiles = (...files: readonly VarFile[]): VarFile => ({
  configuration: Object.assign({}, ...files.map((file) => file.configuration)) as Record<string, unknown>,
  secrets: Object.assign({}, ...files.map((file) => file.secrets)) as Record<string, unknown>,
})

/**
 * The CLI's whole override step: var files first (in order), then `--var` on top for configuration.
 *
 * @example
 * const { configuration, secrets } = await loadVars(['prod.env', 'vars.yaml'], ['ns=shop'], process.env)
 */
export async function loadVars(varFiles: readonly string[], vars: readonly string[], env: Record<string, string | undefined>): Promise<VarFile> {
  const cliVars = parseVars(vars)
  const files: VarFile[] = []
  for (const path of varFiles) files.push(await loadVarFile(path, env))
  const merged = mergeVarFiles(...files)
  return { configuration: { ...merged.configuration, ...cliVars }, secrets: merged.secrets }
}

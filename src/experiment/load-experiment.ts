// Reads a Chaos Toolkit experiment from a .json/.yaml/.yml file or an http(s) URL, keeping source positions.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { LineCounter, parseDocument } from 'yaml'
import { InvalidSourceError } from '../errors.js'
import { fetchSource } from './fetch-source.js'
import { createLocator } from './source-locator.js'

/** A parsed, not yet validated, experiment document and where it came from. */
export interface LoadedExperiment {
  /** The parsed document (validate it with `checkExperiment`). */
  document: unknown
  /** The file path or URL it was read from. */
  source: string
  /** `file:line:col` of the value at a JSON pointer, when known. */
  locate: (pointer: string) => string | undefined
}

const UNSUPPORTED = 'only files with json, yaml or yml extensions are supported'

const parseYaml = (source: string, text: string): LoadedExperiment => {
  const lineCounter = new LineCounter()
  // PyYAML's safe_load reads YAML 1.1 (yes/no/on/off are booleans) and keeps the last duplicate key
  const document = parseDocument(text, { lineCounter, version: '1.1', uniqueKeys: false })
  const error = document.errors[0]
  if (error) {
    const where = error.linePos ? `${source}:${error.linePos[0].line}:${error.linePos[0].col}: ` : `${source}: `
    const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')
    throw new InvalidSourceError(`${where}Failed parsing YAML experiment: ${reason}; fix the YAML syntax there`)
  }
  return { document: document.toJS() as unknown, source, locate: createLocator(source, text, { document, lineCounter }) }
}

const parseJson = (source: string, text: string): LoadedExperiment => {
  try {
    return { document: JSON.parse(text) as unknown, source, locate: createLocator(source, text) }
  } catch (error) {
    throw new InvalidSourceError(`${source}: Failed parsing JSON experiment: ${(error as Error).message}; fix the JSON syntax`, { cause: error })
  }
}

const loadFile = async (path: string): Promise<LoadedExperiment> => {
  const extension = extname(path)
  if (!['.json', '.yaml', '.yml'].includes(extension)) {
    throw new InvalidSourceError(`${path}: ${UNSUPPORTED}; rename it to .json, .yaml or .yml`)
  }
  let text: string
  try {
    text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '')
  } catch (error) {
    throw new InvalidSourceError(`${path}: cannot read the experiment: ${(error as Error).message}`, { cause: error })
  }
  return extension === '.json' ? parseJson(path, text) : parseYaml(path, text)
}

const parseByContentType = (source: string, contentType: string, body: string): LoadedExperiment => {
  if (contentType.includes('application/json')) return parseJson(source, body)
  if (contentType.includes('application/x-yaml') || contentType.includes('text/yaml')) return parseYaml(source, body)
  if (contentType.includes('text/plain')) {
    try {
      return parseJson(source, body)
    } catch {
      return parseYaml(source, body)
    }
  }
  throw new InvalidSourceError(`${source}: ${UNSUPPORTED} (the server answered Content-Type '${contentType}'); serve it as application/json or application/x-yaml`)
}

const loadUrl = async (url: URL, verifyTls: boolean): Promise<LoadedExperiment> => {
  const headers: Record<string, string> = { Accept: 'application/json, application/x-yaml' }
  const token = process.env.CHAOSTOOLKIT_LOADER_AUTH_BEARER_TOKEN
  if (token) headers.Authorization = `bearer ${token.trim()}`
  let fetched
  try {
    fetched = await fetchSource(url, headers, verifyTls)
  } catch (error) {
    const hint = verifyTls && url.protocol === 'https:' ? '; check the URL, or pass --no-verify-tls for a self-signed certificate' : '; check the URL'
    throw new InvalidSourceError(`Failed to fetch the experiment: ${url.href}: ${(error as Error).message}${hint}`, { cause: error })
  }
  if (fetched.status !== 200) {
    throw new InvalidSourceError(`Failed to fetch the experiment: ${fetched.body.trim() || `HTTP ${fetched.status}`} (${url.href} answered ${fetched.status})`)
  }
  return parseByContentType(url.href, fetched.contentType, fetched.body)
}

/**
 * Loads an experiment from a `.json`, `.yaml` or `.yml` file, or an http(s) URL (parsed by its Content-Type).
 * Throws `InvalidSourceError` with one line saying what to fix when it cannot be read or parsed.
 *
 * @example
 * const { document, locate } = await loadExperiment('fixtures/experiments/drain-nodes.json')
 */
export async function loadExperiment(source: string, options: { verifyTls?: boolean } = {}): Promise<LoadedExperiment> {
  if (existsSync(source)) return loadFile(source)
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]+):/.exec(source)?.[1]
  if (scheme === undefined) throw new InvalidSourceError(`Path "${source}" does not exist. Check the path (relative to ${process.cwd()}).`)
  if (scheme !== 'http' && scheme !== 'https') throw new InvalidSourceError(`'${scheme}' is not a supported source scheme.`)
  return loadUrl(new URL(source), options.verifyTls ?? true)
}

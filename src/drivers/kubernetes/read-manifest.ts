import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { ActivityFailedError } from '../../errors.js'

/**
 * Reads the JSON or YAML object at `path`, as chaosk8s' create_* functions do: another extension fails with `cannot process <path>`.
 *
 * @example
 * const deployment = await readManifest<V1Deployment>('fixtures/web.yaml', 'create_deployment')
 */
export const readManifest = async <T>(path: string, func: string): Promise<T> => {
  const ext = extname(path)
  if (ext !== '.json' && ext !== '.yml' && ext !== '.yaml') throw new ActivityFailedError(`cannot process ${path}`)
  const text = await readFile(path, 'utf8').catch((error: Error) => {
    throw new ActivityFailedError(`${func}: cannot read '${path}': ${error.message}`, { cause: error })
  })
  try {
    return (ext === '.json' ? JSON.parse(text) : parseYaml(text)) as T
  } catch (error) {
    throw new ActivityFailedError(`${func}: '${path}' is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`, { cause: error })
  }
}

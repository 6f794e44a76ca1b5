// The OpenAPI v2 and v3 documents a real kube-apiserver 1.32 serves, recorded in fixtures/apiserver-v1.32/, held as bytes with their ETags.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../../package-files.js'
import { addGatewayKind, type CrdVersionSchema } from './add-gateway-kind.js'
import { API_GROUPS } from '../../registry/resource-table.js'
import { apiVersionOf } from '../../registry/resource-definition.js'

export interface OpenApiDocument {
  bytes: Buffer
  /** Upper-case hex SHA-512 of the bytes: kube-openapi's ETag and `?hash=`. */
  hash: string
}

export interface OpenApiDocuments {
  v2: OpenApiDocument
  /** Per group-version path (`api/v1`, `apis/apps/v1`), only for group-versions the emulator serves; Istio's with Gateway added. */
  v3: Map<string, OpenApiDocument>
  /** `/openapi/v3`: the index of `v3`, each entry with its `serverRelativeURL?hash=`. */
  index: OpenApiDocument
}

const RECORDED_DIRECTORY = 'fixtures/apiserver-v1.32'
const GATEWAY_SCHEMA = 'fixtures/istio-crd-schemas/gateway.json'

const documentOf = (bytes: Buffer): OpenApiDocument => ({ bytes, hash: createHash('sha512').update(bytes).digest('hex').toUpperCase() })

/** The recorded file of a group-version (`api/v1` → openapi-v3-core-v1.json), when the recording has one. */
const recordedFileOf = (path: string): string => (path === 'api/v1' ? 'openapi-v3-core-v1.json' : `openapi-v3-${path.replace(/^apis\//, '').replace('/', '-')}.json`)

const servedPaths = (): string[] => ['api/v1', ...API_GROUPS.flatMap((group) => group.versions.map((version) => `apis/${apiVersionOf(group.name, version)}`))]

const readDocuments = (): OpenApiDocuments => {
  const directory = join(packageRoot(), RECORDED_DIRECTORY)
  const read = (file: string): Buffer | undefined => {
    try {
      return readFileSync(join(directory, file))
    } catch {
      return undefined
    }
  }
  const gateway = JSON.parse(readFileSync(join(packageRoot(), GATEWAY_SCHEMA), 'utf8')) as { versions: Record<string, CrdVersionSchema> }
  const v3 = new Map<string, OpenApiDocument>()
  for (const path of servedPaths()) {
    const bytes = read(recordedFileOf(path))
    if (!bytes) continue
    const istioVersion = /^apis\/networking\.istio\.io\/(\w+)$/.exec(path)?.[1]
    const gatewaySchema = istioVersion ? gateway.versions[istioVersion] : undefined
    const served = gatewaySchema ? Buffer.from(JSON.stringify(addGatewayKind(JSON.parse(bytes.toString('utf8')) as Record<string, unknown>, istioVersion!, gatewaySchema))) : bytes
    v3.set(path, documentOf(served))
  }
  const paths = Object.fromEntries([...v3].map(([path, document]) => [path, { serverRelativeURL: `/openapi/v3/${path}?hash=${document.hash}` }]))
  const v2 = read('openapi-v2.json')
  if (!v2) throw new Error(`${RECORDED_DIRECTORY}/openapi-v2.json is missing from the vitest-chaos package; reinstall it`)
  return { v2: documentOf(v2), v3, index: documentOf(Buffer.from(JSON.stringify({ paths }))) }
}

let documents: OpenApiDocuments | undefined

/** The documents, read from disk on first use and kept for the life of the process. */
export const openApiDocuments = (): OpenApiDocuments => (documents ??= readDocuments())

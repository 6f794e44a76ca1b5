// The recorded Istio documents publish VirtualService and DestinationRule only; the emulator also serves Gateway, so its
// CRD schema (fixtures/istio-crd-schemas/gateway.json) is published the way kube-apiserver publishes any CRD version.

type Json = Record<string, unknown>

export interface CrdVersionSchema {
  spec: Json
  status: Json
}

const TEMPLATE = { kind: 'VirtualService', plural: 'virtualservices' }
const ADDED = { kind: 'Gateway', plural: 'gateways' }

const renamed = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll(TEMPLATE.kind, ADDED.kind).replaceAll(TEMPLATE.plural, ADDED.plural)) as T

const sortedByKey = (record: Json): Json => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

/** `document` (an OpenAPI v3 group-version document of networking.istio.io) with the Gateway paths and schemas added. */
export const addGatewayKind = (document: Json, version: string, schema: CrdVersionSchema): Json => {
  const paths = document.paths as Json
  const schemas = (document.components as { schemas: Json }).schemas
  const added: Json = {}
  for (const [path, item] of Object.entries(paths)) if (path.includes(`/${TEMPLATE.plural}`)) added[renamed(path)] = renamed(item)
  const prefix = `io.istio.networking.${version}.`
  const kind = renamed(schemas[`${prefix}${TEMPLATE.kind}`]) as { properties: Json }
  kind.properties = { ...kind.properties, spec: schema.spec, status: schema.status }
  return {
    ...document,
    paths: sortedByKey({ ...paths, ...added }),
    components: { ...(document.components as Json), schemas: sortedByKey({ ...schemas, [`${prefix}${ADDED.kind}`]: kind, [`${prefix}${ADDED.kind}List`]: renamed(schemas[`${prefix}${TEMPLATE.kind}List`]) }) },
  }
}

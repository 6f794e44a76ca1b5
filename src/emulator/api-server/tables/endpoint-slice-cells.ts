// printers.go printEndpointSlice: NAME, ADDRESSTYPE, PORTS, ENDPOINTS (at most three, then "+ N more..."), AGE.
import type { KubeObject } from '../../store/kube-object.js'
import { ageOf } from './human-age.js'

type Json = Record<string, unknown>

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : [])
const SHOWN = 3

/** listWithMoreString: the first three joined by commas, ` + N more...` after them, `<unset>` for none. */
const listWithMore = (entries: string[]): string => {
  const text = entries.slice(0, SHOWN).join(',')
  if (entries.length > SHOWN) return `${text} + ${entries.length - SHOWN} more...`
  return text === '' ? '<unset>' : text
}

/** formatDiscoveryPorts: the port number, else its name, else `*`. */
const portText = (port: Json): string => (typeof port.port === 'number' ? String(port.port) : typeof port.name === 'string' ? port.name : '*')

export const endpointSliceCells = (slice: KubeObject): (string | number)[] => {
  const fields = slice as unknown as Json
  const addresses = list(fields.endpoints).flatMap((endpoint) => (Array.isArray(endpoint.addresses) ? (endpoint.addresses as unknown[]).map(String) : []))
  return [slice.metadata.name ?? '', typeof fields.addressType === 'string' ? fields.addressType : '', listWithMore(list(fields.ports).map(portText)), listWithMore(addresses), ageOf(slice.metadata.creationTimestamp)]
}

import { httpProvider } from './http-provider.js'
import type { Provider } from './provider.js'
import { processProvider } from './process-provider.js'
import { pythonProvider } from './python-provider.js'

/** Every provider type, keyed by `provider.type`; adding one is one file and one line here. */
export const providerTable: Readonly<Record<string, Provider>> = {
  python: pythonProvider,
  process: processProvider,
  http: httpProvider,
}

/** The provider for a type, or undefined when Chaos Toolkit would report `unknown provider type`. */
export const providerFor = (type: string): Provider | undefined =>
  Object.hasOwn(providerTable, type) ? providerTable[type] : undefined

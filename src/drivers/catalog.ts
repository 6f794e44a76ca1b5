import { mergeCatalogs, type ActivityCatalog } from '../experiment/activity-function.js'
import { istioCatalog } from './istio/catalog.js'
import { kubernetesCatalog } from './kubernetes/catalog.js'
import { loadCatalog } from './load/catalog.js'

/**
 * The chaosk8s and chaosistio functions we implement, plus our `vitest-chaos.load` module, keyed by Chaos Toolkit
 * module path (aliases included); the CLI merges it into the python provider's registry.
 *
 * @example
 * driverCatalog['chaosk8s.node.actions']!.drain_nodes!.params // ['name', 'label_selector', ...]
 */
export const driverCatalog: ActivityCatalog = mergeCatalogs(kubernetesCatalog, istioCatalog, loadCatalog)

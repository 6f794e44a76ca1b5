import type { ActivityCatalog } from '../../experiment/activity-function.js'
import { catalogOf } from '../shared/catalog-of.js'
import * as faultActions from './actions.js'
import { getVirtualService } from './probes.js'

/**
 * Every chaosistio function, under its module path.
 *
 * @example
 * istioCatalog['chaosistio.fault.actions']!.add_delay_fault
 */
export const istioCatalog: ActivityCatalog = catalogOf([...Object.values(faultActions), getVirtualService])

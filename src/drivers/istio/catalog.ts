import type { ActivityCatalog } from '../../experiment/activity-function.js'
import { faultActions } from './actions.js'
import { faultProbes } from './probes.js'

/**
 * Every chaosistio function, under its module path.
 *
 * @example
 * istioCatalog['chaosistio.fault.actions']!.add_delay_fault
 */
export const istioCatalog: ActivityCatalog = {
  'chaosistio.fault.actions': faultActions,
  'chaosistio.fault.probes': faultProbes,
}

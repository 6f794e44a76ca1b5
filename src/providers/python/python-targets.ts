import type { ActivityCatalog } from '../../experiment/activity-function.js'
import type { Activity, PythonProvider } from '../../experiment/types.js'
import type { PythonTarget } from './inspect-python.js'
import { isOwnModule } from './own-modules.js'
import { activityTarget } from './validate-python-activity.js'

/**
 * The python activities that validation must ask Python about (modules outside our catalog), so one
 * interpreter start answers for all of them.
 *
 * @example
 * pythonTargetsOf(activities, catalog) // [{ kind: 'activity', module: 'os.path', func: 'exists', arguments: ['path'] }]
 */
export const pythonTargetsOf = (activities: Activity[], catalog: ActivityCatalog): PythonTarget[] =>
  activities
    .map((activity) => activity.provider as Partial<PythonProvider>)
    .filter((provider): provider is PythonProvider => provider.type === 'python' && typeof provider.module === 'string' && typeof provider.func === 'string' && !isOwnModule(provider.module, catalog))
    .map(activityTarget)

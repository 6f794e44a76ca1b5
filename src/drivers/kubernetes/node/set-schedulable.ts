import { PatchStrategy, setHeaderOptions, type CoreV1Api } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../../errors.js'
import { apiBody } from '../api-error.js'

/**
 * Cordons (`unschedulable: true`) or uncordons one node with a JSON merge patch, failing with
 * chaosk8s' message: `Failed to unschedule node '<n>': <body>` / `Failed to schedule node '<n>': <body>`.
 *
 * @example
 * await setUnschedulable(core, 'worker-1', true)
 */
export const setUnschedulable = async (core: CoreV1Api, name: string, unschedulable: boolean): Promise<void> => {
  try {
    await core.patchNode(
      { name, body: { spec: { unschedulable } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )
  } catch (error) {
    const verb = unschedulable ? 'unschedule' : 'schedule'
    throw new ActivityFailedError(`Failed to ${verb} node '${name}': ${apiBody(error)}`, { cause: error })
  }
}

import type { V1ObjectMeta } from '@kubernetes/client-node'
import { apiStatus } from '../shared/api-error.js'
import { readFaultRecord, type FaultObjectKind, type FaultRecord, type LedgerChange } from './fault-record.js'
import type { RecordedFault } from './fault-undoer.js'

type KubeObject = { metadata?: V1ObjectMeta | undefined }

/**
 * The `change` an object of `kind` carries, as the list an undoer's `list` flat-maps (empty when it carries none).
 *
 * @example
 * list: async (kc) => (await apps(kc).listDeploymentForAllNamespaces()).items.flatMap(recordedFaults('scale', 'Deployment'))
 */
export const recordedFaults = (change: LedgerChange, kind: FaultObjectKind) => (object: KubeObject): RecordedFault[] => {
  const record = readFaultRecord(object)
  const { name = '', namespace } = object.metadata ?? {}
  return record?.change === change ? [{ target: { kind, name, ...(namespace ? { namespace } : {}) }, record }] : []
}

/**
 * What an undoer's `read` answers: the object's record of that change, or `undefined` when the object is gone.
 *
 * @example
 * read: (kc, target) => readRecorded(() => apps(kc).readNamespacedDeployment(where(target)), recordedFaults('scale', 'Deployment'))
 */
export const readRecorded = async <T extends KubeObject>(
  read: () => Promise<T>,
  recorded: (object: T) => RecordedFault[],
): Promise<{ record: FaultRecord | undefined } | undefined> => {
  try {
    return { record: recorded(await read())[0]?.record }
  } catch (error) {
    if (apiStatus(error) === 404) return undefined
    throw error
  }
}

// Pods: admission defaults, the pod spec checks, graceful deletion finished by the kubelet.
import { admitPod, defaultPodSpec } from '../default-pod-spec.js'
import type { Json, ResourceHooks } from '../resource-definition.js'
import { validatePodSpec } from '../validate-pod-spec.js'
import { deletePod } from './pod-deletion.js'

export const POD_HOOKS: ResourceHooks = {
  defaultOnCreate: (pod) => admitPod(pod),
  defaultOnUpdate: defaultPodSpec,
  validate: (pod, errors) => validatePodSpec(pod.spec as Json | undefined, 'spec', errors),
  delete: deletePod,
  deleteAnswersObject: true,
  removedByKubelet: true,
}

import type { Experiment } from '../experiment/types.js'

const activitiesOf = (experiment: Experiment) => [...(experiment['steady-state-hypothesis']?.probes ?? []), ...experiment.method, ...(experiment.rollbacks ?? [])]

/** Whether any activity calls chaosistio, so the experiment needs Istio on the cluster. */
export const usesIstio = (experiment: Experiment): boolean =>
  activitiesOf(experiment).some((activity) => 'provider' in activity && activity.provider.type === 'python' && activity.provider.module.startsWith('chaosistio'))

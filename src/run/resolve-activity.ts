import { isActivityRef, type Activity, type ActivityOrRef, type Experiment } from '../experiment/types.js'

/** chaoslib's activity cache: method activities, then hypothesis probes (a probe wins a name clash). */
export const cacheActivities = (experiment: Experiment): Map<string, Activity> => {
  const cache = new Map<string, Activity>()
  for (const entry of experiment.method ?? []) if (!isActivityRef(entry)) cache.set(entry.name, entry)
  for (const probe of experiment['steady-state-hypothesis']?.probes ?? []) cache.set(probe.name, probe)
  return cache
}

/** The activity an entry stands for: itself, or the cached activity its `ref` names (undefined when none). */
export const resolveActivity = (entry: ActivityOrRef, cache: Map<string, Activity>): Activity | undefined =>
  isActivityRef(entry) ? cache.get(entry.ref) : entry

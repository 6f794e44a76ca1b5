import type { Activity, ActivityOrRef, Configuration } from '../experiment/types.js'

// Configuration an activity needs (e.g. `product_page_url` for `${product_page_url}`), kept beside it, not in it.
const needs = new WeakMap<object, Configuration>()

/** Records the configuration entries `activity` relies on; returns the activity for chaining. */
export const declareConfiguration = <A extends Activity>(activity: A, configuration: Configuration): A => {
  needs.set(activity, { ...needs.get(activity), ...configuration })
  return activity
}

/** Merges the configuration every activity in the list declared; later activities win on the same key. */
export const collectConfiguration = (activities: readonly (ActivityOrRef | undefined)[]): Configuration => {
  const merged: Configuration = {}
  for (const activity of activities) {
    if (activity) Object.assign(merged, needs.get(activity))
  }
  return merged
}

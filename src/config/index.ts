export { defineChaosProject, type ChaosProjectOptions } from './define-chaos-project.js'
export { chaosTimeoutMs, CHAOS_TIMEOUT_FLOOR_MS } from './chaos-timeouts.js'

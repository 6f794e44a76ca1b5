import { ActivityFailedError } from '../../errors.js'
import type { RunningLoad } from './load-types.js'

// loads started by experiments, by name, so a later activity can mark or stop them
const running = new Map<string, RunningLoad>()

/** Fails when a load of that name is still running; call it before starting another. */
export const ensureNameFree = (name: string): void => {
  if (running.has(name)) {
    throw new ActivityFailedError(`start_load: a load named '${name}' is already running; stop it with stop_load or give this one another name`)
  }
}

export const registerLoad = (name: string, load: RunningLoad): void => {
  ensureNameFree(name)
  running.set(name, load)
  const forget = () => {
    if (running.get(name) === load) running.delete(name)
  }
  load.finished.then(forget, forget)
}

export const findLoad = (name: string, func: string): RunningLoad => {
  const load = running.get(name)
  if (!load) {
    const names = [...running.keys()]
    throw new ActivityFailedError(`${func}: no load named '${name}' is running (${names.length > 0 ? `running: ${names.join(', ')}` : 'none is'}); start one with start_load, as a background activity`)
  }
  return load
}

import type { FaultDefinition } from '../authoring/fault.js'
import type { ActivityCatalog } from '../experiment/activity-function.js'
import type { Experiment } from '../experiment/types.js'
import type { Journal } from '../journal/types.js'
import { writeJournal } from '../journal/write-journal.js'
import { runExperiment } from '../run/run-experiment.js'
import { catalogFor } from './catalog-for.js'
import { recordRun } from './record-run.js'

/** A fault applied by `inject()`, with the journal of its actions once they ran. */
export interface InjectedFault {
  fault: FaultDefinition
  journal?: Journal
}

/**
 * Runs the rollbacks of the injected faults, latest first, emptying `injected`; each one's rollbacks join the journal
 * of its actions, or are recorded as a run of their own when that journal was never written.
 */
export const playInjectRollbacks = async (
  injected: InjectedFault[],
  where: { testPath?: string; currentTestName?: string },
  catalog: ActivityCatalog | undefined,
): Promise<void> => {
  for (let next = injected.pop(); next; next = injected.pop()) {
    if (next.fault.rollbacks.length === 0) continue
    // no signal: rollbacks must run even after the test timed out
    const undoing: Experiment = { title: `roll back ${next.fault.title}`, description: 'rollbacks registered by inject()', method: [], rollbacks: next.fault.rollbacks }
    const undo = await runExperiment(undoing, {
      mode: 'strict',
      catalog: await catalogFor(undoing, catalog),
      rollbackStrategy: 'always',
      hypothesisStrategy: 'skip',
    })
    const journalPath = next.journal?.['vitest-chaos']?.journalPath
    if (next.journal && typeof journalPath === 'string') {
      next.journal.rollbacks.push(...undo.rollbacks)
      await writeJournal(journalPath, next.journal)
    } else {
      await recordRun(where, undo)
    }
  }
}

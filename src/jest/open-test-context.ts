import { expect } from '@jest/globals'
import type { StartedCluster } from '../clusters/started-cluster.js'
import type { ActivityCatalog } from '../experiment/activity-function.js'
import { openChaosContext, type ChaosContext } from '../session/chaos-context.js'
import type { ChaosRunRecord } from '../session/chaos-run-record.js'
import type { RunScope } from '../session/run-scope.js'
import { writeTestRecord } from './test-records.js'

/** A test's open chaos context, as the hooks that end it see it. */
export interface OpenTestContext {
  abort: AbortController
  close: () => Promise<void>
}

/** Opens the chaos context of a Jest test; closing it also writes the test's runs for the reporter. */
export const openTestContext = (
  options: { journalDir?: string; catalog?: ActivityCatalog },
  cluster: StartedCluster | undefined,
  testName: string | undefined,
): { context: ChaosContext; scope: RunScope; entry: OpenTestContext } => {
  const abort = new AbortController()
  const testPath = expect.getState().testPath
  const runs: ChaosRunRecord[] = []
  const opened = openChaosContext({ signal: abort.signal, cluster, testPath, testName, journalDir: options.journalDir, catalog: options.catalog, record: (run) => void runs.push(run) })
  // the reporter runs in another process: it reads the runs from a record file
  const close = () => opened.close().finally(() => writeTestRecord(process.cwd(), { testPath: testPath ?? '', testName: testName ?? '', runs }))
  return { context: opened.context, scope: opened.scope, entry: { abort, close } }
}

/** Aborts a test's runs and waits for their rollbacks. */
export const endTestContext = async (ending: OpenTestContext): Promise<void> => {
  ending.abort.abort(new Error('the test ended'))
  await ending.close()
}

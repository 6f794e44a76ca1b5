import { basename } from 'node:path'
import type { ExpectStatic } from 'vitest'
import { loadExperiment } from '../experiment/load-experiment.js'
import type { Experiment } from '../experiment/types.js'
import { usesIstio } from '../session/uses-istio.js'
import type { ChaosContext } from '../session/chaos-context.js'
import { expectOutcome, type ExpectedOutcome } from '../session/expect-outcome.js'
import type { RunOptions } from '../run/run-options.js'

export interface ExperimentTestOptions {
  /** Default `steady`. */
  expect?: ExpectedOutcome
  /** Test name; default `experiment <file name>`. */
  name?: string
  /** Run options; `mode` defaults to `strict` (rollbacks always run). */
  options?: RunOptions
  /** Test timeout in ms (pauses in Chaos Toolkit files are often 20 s or more). */
  timeout?: number
}

/** The part of `chaosTest` an experiment test needs. */
export type RegisterChaosTest = (
  name: string,
  options: { timeout?: number },
  fn: (context: { chaos: ChaosContext; expect: ExpectStatic; skip: (note?: string) => never }) => Promise<void>,
) => void

/** Registers `<name>` on `chaosTest`: run the file through the engine, then check the outcome. */
export const defineExperimentTest = (chaosTest: RegisterChaosTest, path: string, options: ExperimentTestOptions): void => {
  chaosTest(options.name ?? `experiment ${basename(path)}`, { timeout: options.timeout }, async ({ chaos, expect, skip }) => {
    const cluster = chaos.cluster
    if (cluster && !cluster.istio && usesIstio((await loadExperiment(path)).document as Experiment)) {
      const reason = `skipped: the experiment uses chaosistio and the ${cluster.provider} cluster has no Istio (${cluster.istioUnavailableReason ?? 'not installed'})`
      console.warn(`${basename(path)}: ${reason}`)
      skip(reason)
    }
    const journal = await chaos.runFile(path, options.options)
    expectOutcome(expect, journal, options.expect ?? 'steady')
  })
}

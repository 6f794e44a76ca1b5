import { describe, expect, it } from 'vitest'
import { InvalidExperimentError } from '../errors.js'
import type { Experiment } from '../experiment/types.js'
import { runExperiment } from './run-experiment.js'
import { validateExperiment } from './validate-experiment.js'

const experiment: Experiment = {
  title: 'vault', description: 'a Vault secret',
  secrets: { db: { password: { type: 'vault', path: 'secret/db', key: 'password' }, user: 'app' } },
  method: [{ type: 'action', name: 'nap', provider: { type: 'python', module: 'vitest-chaos.builtins', func: 'sleep', arguments: { duration: 0 } } }],
}

describe('Vault secrets', () => {
  it('compatible mode: logs chaoslib 1.44 error without hvac, the secret resolves to {}, the run goes on', async () => {
    const logs: string[] = []
    const journal = await runExperiment(experiment, { listener: { onLog: (level, message) => logs.push(`${level} ${message}`) } })
    expect(journal.status).toBe('completed')
    expect(logs).toContain('error Install the `hvac` package to fetch secrets from Vault: `pip install chaostoolkit-lib[vault]`. (vitest-chaos does not read Vault: the secret at /secrets/db/password resolves to {}, as in chaoslib 1.44 without hvac; strict mode refuses it)')
    expect(validateExperiment(experiment)).toEqual([])
  })

  it("strict mode keeps refusing them with today's message, in validation and at run time", async () => {
    expect(validateExperiment(experiment, { mode: 'strict' }).map((issue) => issue.message)).toEqual(['HashiCorp Vault secrets are not supported yet'])
    await expect(runExperiment(experiment, { mode: 'strict' })).rejects.toBeInstanceOf(InvalidExperimentError)
  })
})

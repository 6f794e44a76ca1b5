import { describe, expect, it } from 'vitest'
import { applyManifests } from '../emulator/workloads/bookinfo/apply-manifests.js'
import { Store } from '../emulator/store/store.js'
import { packageRoot as emulatorPackageRoot } from '../emulator/package-files.js'
import { CLUSTER_SCOPED_KINDS, isClusterScoped } from './cluster-scoped-kinds.js'
import { packageRoot } from './package-root.js'

// the emulator imports nothing of ours, so it keeps its own copies: these tests keep them in step
describe('the helpers the emulator keeps its own copy of', () => {
  it('puts no namespace on a manifest object of a cluster-scoped kind, as the emulator does, and the default one on others', () => {
    const store = new Store()
    const yaml = [...CLUSTER_SCOPED_KINDS, 'ConfigMap'].map((kind) => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${kind.toLowerCase()}-x\n`).join('---\n')
    const applied = applyManifests(store, yaml, { source: 'kinds.yaml' })
    expect(applied.map((object) => [object.kind, object.metadata.namespace])).toEqual(
      [...[...CLUSTER_SCOPED_KINDS].map((kind) => [kind, undefined]), ['ConfigMap', 'default']],
    )
    expect([isClusterScoped('PriorityClass'), isClusterScoped('Deployment')]).toEqual([true, false])
  })

  it('finds the same package root', () => {
    expect(packageRoot()).toBe(emulatorPackageRoot())
  })
})

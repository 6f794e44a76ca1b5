import { describe, expect, it } from 'vitest'
import { bookinfoManifestFiles } from '../emulator/workloads/bookinfo/index.js'
import { BOOKINFO_ISTIO_MANIFESTS, BOOKINFO_WORKLOAD_MANIFESTS } from './bookinfo-manifests.js'

describe('the bookinfo manifest list', () => {
  // the emulator imports nothing of ours, so it keeps its own list: a real cluster must get the same bookinfo
  it('is the one the emulated cluster deploys, workloads before Istio rules', () => {
    expect([...BOOKINFO_WORKLOAD_MANIFESTS, ...BOOKINFO_ISTIO_MANIFESTS]).toEqual([...bookinfoManifestFiles])
  })
})

// Every schema accepts exactly the keys its TypeScript options type declares, so a new option cannot be reported as unknown.
import { describe, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import type { HttpProbeOptions } from '../authoring/http-probe.js'
import type { StartClusterOptions } from '../clusters/cluster-provider.js'
import type { istio } from '../drivers/istio/builders.js'
import type { k8s } from '../drivers/kubernetes/builders.js'
import type { LoadOptions } from '../drivers/load/load-types.js'
import type { ChaosLoadOptions } from '../session/start-phase-load.js'
import type { Slo } from '../session/load-report.js'
import type { StaySteadyOptions } from '../matchers/to-stay-steady-during.js'
import type { httpProbeOptionsSchema } from './http-probe-options-schema.js'
import type { istioBuilderSchemas } from './istio-builder-schemas.js'
import type { k8sBuilderSchemas } from './k8s-builder-schemas.js'
import type { chaosLoadOptionsSchema, loadOptionsSchema } from './load-options-schema.js'
import type { sloSchema } from './slo-schema.js'
import type { startClusterOptionsSchema } from './start-cluster-options-schema.js'
import type { staySteadyOptionsSchema } from './stay-steady-options-schema.js'

type KeysOf<S extends z.ZodType> = keyof NonNullable<z.input<S>>
type BuilderKeys<B extends Record<string, (options: never) => unknown>, K extends keyof B> = keyof NonNullable<Parameters<B[K]>[0]>

describe('option schemas', () => {
  it('have the keys of the options types', () => {
    expectTypeOf<KeysOf<typeof chaosLoadOptionsSchema>>().toEqualTypeOf<keyof ChaosLoadOptions>()
    expectTypeOf<KeysOf<typeof loadOptionsSchema>>().toEqualTypeOf<keyof LoadOptions>()
    expectTypeOf<KeysOf<typeof sloSchema>>().toEqualTypeOf<keyof Slo>()
    expectTypeOf<KeysOf<typeof staySteadyOptionsSchema>>().toEqualTypeOf<keyof StaySteadyOptions>()
    expectTypeOf<KeysOf<typeof startClusterOptionsSchema>>().toEqualTypeOf<keyof StartClusterOptions>()
    expectTypeOf<KeysOf<typeof httpProbeOptionsSchema>>().toEqualTypeOf<keyof HttpProbeOptions>()
  })

  it('cover every builder with its keys', () => {
    expectTypeOf<keyof typeof k8sBuilderSchemas>().toEqualTypeOf<keyof typeof k8s>()
    expectTypeOf<keyof typeof istioBuilderSchemas>().toEqualTypeOf<keyof typeof istio>()
    expectTypeOf<KeysOf<typeof k8sBuilderSchemas.drainNodes>>().toEqualTypeOf<BuilderKeys<typeof k8s, 'drainNodes'>>()
    expectTypeOf<KeysOf<typeof k8sBuilderSchemas.terminatePods>>().toEqualTypeOf<BuilderKeys<typeof k8s, 'terminatePods'>>()
    expectTypeOf<KeysOf<typeof k8sBuilderSchemas.allPodsHealthy>>().toEqualTypeOf<BuilderKeys<typeof k8s, 'allPodsHealthy'>>()
    expectTypeOf<KeysOf<typeof k8sBuilderSchemas.podsInPhase>>().toEqualTypeOf<BuilderKeys<typeof k8s, 'podsInPhase'>>()
    expectTypeOf<KeysOf<typeof k8sBuilderSchemas.countPods>>().toEqualTypeOf<BuilderKeys<typeof k8s, 'countPods'>>()
    expectTypeOf<KeysOf<typeof k8sBuilderSchemas.deploymentAvailableAndHealthy>>().toEqualTypeOf<BuilderKeys<typeof k8s, 'deploymentAvailableAndHealthy'>>()
    expectTypeOf<KeysOf<typeof k8sBuilderSchemas.deploymentFullyAvailable>>().toEqualTypeOf<BuilderKeys<typeof k8s, 'deploymentFullyAvailable'>>()
    expectTypeOf<KeysOf<typeof k8sBuilderSchemas.allNodesMustBeReadyToSchedule>>().toEqualTypeOf<BuilderKeys<typeof k8s, 'allNodesMustBeReadyToSchedule'>>()
    expectTypeOf<KeysOf<typeof k8sBuilderSchemas.cordonNode>>().toEqualTypeOf<BuilderKeys<typeof k8s, 'cordonNode'>>()
    expectTypeOf<KeysOf<typeof k8sBuilderSchemas.uncordonNode>>().toEqualTypeOf<BuilderKeys<typeof k8s, 'uncordonNode'>>()
    expectTypeOf<KeysOf<typeof k8sBuilderSchemas.scaleDeployment>>().toEqualTypeOf<BuilderKeys<typeof k8s, 'scaleDeployment'>>()
    expectTypeOf<KeysOf<typeof k8sBuilderSchemas.rolloutDeployment>>().toEqualTypeOf<BuilderKeys<typeof k8s, 'rolloutDeployment'>>()
    expectTypeOf<KeysOf<typeof istioBuilderSchemas.addDelayFault>>().toEqualTypeOf<BuilderKeys<typeof istio, 'addDelayFault'>>()
    expectTypeOf<KeysOf<typeof istioBuilderSchemas.addAbortFault>>().toEqualTypeOf<BuilderKeys<typeof istio, 'addAbortFault'>>()
    expectTypeOf<KeysOf<typeof istioBuilderSchemas.removeDelayFault>>().toEqualTypeOf<BuilderKeys<typeof istio, 'removeDelayFault'>>()
    expectTypeOf<KeysOf<typeof istioBuilderSchemas.removeAbortFault>>().toEqualTypeOf<BuilderKeys<typeof istio, 'removeAbortFault'>>()
    expectTypeOf<KeysOf<typeof istioBuilderSchemas.setFault>>().toEqualTypeOf<BuilderKeys<typeof istio, 'setFault'>>()
    expectTypeOf<KeysOf<typeof istioBuilderSchemas.unsetFault>>().toEqualTypeOf<BuilderKeys<typeof istio, 'unsetFault'>>()
    expectTypeOf<KeysOf<typeof istioBuilderSchemas.getVirtualService>>().toEqualTypeOf<BuilderKeys<typeof istio, 'getVirtualService'>>()
  })
})

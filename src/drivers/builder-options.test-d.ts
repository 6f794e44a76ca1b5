// The builders' option types as users wrote them before defineActivity() derived them: they must stay the same.
import { describe, expectTypeOf, it } from 'vitest'
import type { Pauses, Tolerance } from '../experiment/types.js'
import type { FaultRoute, IstioDuration } from './istio/builders.js'
import { istio } from './istio/builders.js'
import { k8s, type DeploymentOptions, type DrainNodesOptions, type NodeSelector, type TerminatePodsOptions } from './kubernetes/builders.js'

interface Activity { activityName?: string; pauses?: Pauses; secrets?: string[] }
interface ProbeOpts extends Activity { tolerance?: Tolerance }
interface Nodes { name?: string; labelSelector?: string }
interface Drain extends Nodes, Activity {
  deletePodsWithLocalStorage?: boolean
  timeout?: number
  count?: number
  podLabelSelector?: string
  podNamespace?: string
}
interface Terminate extends Activity {
  ns?: string
  labelSelector?: string
  namePattern?: string
  all?: boolean
  rand?: boolean
  mode?: 'fixed' | 'percentage'
  qty?: number
  gracePeriod?: number
  order?: 'alphabetic' | 'oldest'
}
interface Deployment extends ProbeOpts { name: string; ns?: string; labelSelector?: string }
interface PodSelection extends ProbeOpts { labelSelector: string; phase?: string; ns?: string }
interface VirtualService extends Activity { virtualService: string; ns?: string; version?: string }
interface FaultTarget extends VirtualService { routes: FaultRoute[] }
type HttpFault = { delay?: Record<string, string | number | { value: number }>; abort?: Record<string, string | number | { value: number }> }

type OptionsOf<F extends (options: never) => unknown> = Parameters<F>[0]
// mutually assignable with the same keys: the same options for a caller (expectTypeOf's equality also compares how
// a type is spelled: an intersection of mapped types never equals an interface)
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? ([keyof NonNullable<A>] extends [keyof NonNullable<B>] ? ([keyof NonNullable<B>] extends [keyof NonNullable<A>] ? true : false) : false) : false) : false

describe('builder option types', () => {
  it('k8s.* take the options they always took', () => {
    expectTypeOf<Same<NodeSelector, Nodes>>().toEqualTypeOf<true>()
    expectTypeOf<Same<DrainNodesOptions, Drain>>().toEqualTypeOf<true>()
    expectTypeOf<Same<TerminatePodsOptions, Terminate>>().toEqualTypeOf<true>()
    expectTypeOf<Same<DeploymentOptions, Deployment>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof k8s.allPodsHealthy>, (ProbeOpts & { ns?: string; raiseOnAnyUnhealthy?: boolean }) | undefined>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof k8s.podsInPhase>, PodSelection>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof k8s.countPods>, PodSelection>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof k8s.deploymentAvailableAndHealthy>, Deployment>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof k8s.deploymentFullyAvailable>, Deployment & { timeout?: number }>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof k8s.allNodesMustBeReadyToSchedule>, (ProbeOpts & { labelSelector?: string }) | undefined>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof k8s.drainNodes>, Drain | undefined>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof k8s.cordonNode>, (Nodes & Activity) | undefined>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof k8s.uncordonNode>, (Nodes & Activity) | undefined>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof k8s.terminatePods>, Terminate | undefined>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof k8s.scaleDeployment>, Activity & { name: string; replicas: number; ns?: string }>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof k8s.rolloutDeployment>, Activity & { name: string; ns?: string }>>().toEqualTypeOf<true>()
  })

  it('istio.* take the options they always took', () => {
    expectTypeOf<Same<OptionsOf<typeof istio.addDelayFault>, FaultTarget & { fixedDelay: IstioDuration; percentage?: number }>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof istio.addAbortFault>, FaultTarget & { httpStatus: number; percentage?: number }>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof istio.removeDelayFault>, FaultTarget>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof istio.removeAbortFault>, FaultTarget>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof istio.setFault>, FaultTarget & { fault: HttpFault }>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof istio.unsetFault>, FaultTarget>>().toEqualTypeOf<true>()
    expectTypeOf<Same<OptionsOf<typeof istio.getVirtualService>, VirtualService & ProbeOpts>>().toEqualTypeOf<true>()
  })
})

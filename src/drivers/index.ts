export { k8s, type DrainNodesOptions, type TerminatePodsOptions, type DeploymentOptions, type NodeSelector } from './kubernetes/builders.js'
export { istio, type FaultRoute, type FaultTargetOptions, type VirtualServiceOptions, type IstioDuration } from './istio/builders.js'
export type { ActivityOptions, ProbeOptions } from './shared/python-activity.js'
export { driverCatalog } from './catalog.js'

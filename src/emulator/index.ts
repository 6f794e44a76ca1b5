// The emulated cluster's public entry: start it, and the types that describe it.
export { startEmulatedCluster } from './start-emulated-cluster.js'
export type { EmulatedCluster, EmulatedClusterOptions } from './emulated-cluster.js'
export type { InThreadResponse, OutboundCall, OutboundCallInit, OutboundFetch, ProcessProgram, ProcessPrograms, Program, ProgramContext, ProgramRegistry, RunningProgram, ServiceLink } from './workloads/program.js'
export { imageName } from './workloads/program.js'
export { kubeconfigFor } from './kubeconfig.js'
export { hasBuiltInProgram } from './workloads/built-in-programs.js'

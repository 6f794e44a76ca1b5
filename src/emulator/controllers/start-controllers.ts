// Every control loop of the emulated kube-controller-manager and kube-scheduler, started and stopped together.
import type { Store } from '../store/store.js'
import { startDaemonSetController } from './daemonset-controller.js'
import { startDeploymentController } from './deployment-controller.js'
import { startDisruptionController } from './disruption-controller.js'
import { startEndpointsController } from './endpoints-controller.js'
import { startEndpointSliceController } from './endpointslice-controller.js'
import { startNodeLifecycleController } from './node-lifecycle-controller.js'
import { startPodGarbageCollector } from './pod-gc-controller.js'
import { createPodWriter } from './pod-writer.js'
import type { EventRecorder } from './record-event.js'
import { startReplicaSetController } from './replicaset-controller.js'
import { startScheduler } from './scheduler.js'

/** Starts the controllers and the scheduler; returns the function that stops them all. */
export const startControllers = (store: Store, events: EventRecorder): (() => void) => {
  const pods = createPodWriter(store)
  const loops = [
    startScheduler(store, events),
    startDeploymentController(store, events),
    startReplicaSetController(store, pods, events),
    startDaemonSetController(store, pods, events),
    startEndpointsController(store),
    startEndpointSliceController(store),
    startDisruptionController(store),
    startNodeLifecycleController(store),
    startPodGarbageCollector(store),
  ]
  return () => {
    for (const loop of loops) loop.stop()
  }
}

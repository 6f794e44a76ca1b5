// The body of the emulated cluster's worker thread: starts the cluster from the cloned options, reports its
// facts, and stops it when the parent asks; the thread then ends on its own.
import { parentPort, workerData } from 'node:worker_threads'
import type { EmulatedClusterOptions } from './emulated-cluster.js'
import type { ThreadReport, ThreadRequest } from './cluster-thread-messages.js'
import { startClusterInProcess } from './start-cluster-in-process.js'

const port = parentPort!
const report = (message: ThreadReport) => port.postMessage(message)

try {
  const cluster = await startClusterInProcess(workerData as EmulatedClusterOptions)
  port.on('message', (request: ThreadRequest) => {
    if (request.type !== 'stop') return
    cluster.stop().then(
      () => {
        report({ type: 'stopped' })
        port.close()
      },
      (error: unknown) => report({ type: 'stop-failed', error }),
    )
  })
  const { apiUrl, kubeconfig, kubeconfigPath, token, productPageUrl } = cluster
  report({ type: 'started', facts: { apiUrl, kubeconfig, kubeconfigPath, token, ...(productPageUrl ? { productPageUrl } : {}) } })
} catch (error) {
  report({ type: 'failed', error })
  port.close()
}

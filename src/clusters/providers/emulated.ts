import { resolve } from 'node:path'
import type { ProcessPrograms } from '../../emulator/index.js'
import { ClusterError } from '../../errors.js'
import type { ClusterProvider, CommonClusterOptions } from '../cluster-provider.js'
import { stopRecordedClusterProcess } from '../stop-recorded-process.js'
import { clusterAddresses } from '../cluster-addresses.js'
import { makeStartedCluster } from '../make-started-cluster.js'
import { openStateDir } from '../state-dir.js'

/** Relative working directories are pinned to this process's, wherever the emulator itself runs. */
const withAbsoluteCwd = (programs: ProcessPrograms): ProcessPrograms =>
  Object.fromEntries(Object.entries(programs).map(([image, program]) => [image, { ...program, cwd: resolve(program.cwd ?? '.') }]))

/** `startCluster({ provider: 'emulated' })`, the default. */
export interface EmulatedClusterOptions extends CommonClusterOptions {
  provider?: 'emulated'
  /** Fixed ports on 127.0.0.1 (default ephemeral). */
  apiPort?: number
  ingressPort?: number
  /**
   * Image name (no registry, no tag) → the command that stands in for it, run as a local process per container with
   * the pod's env, `PORT` and the mesh as its way out (docs/own-service.md). A relative `cwd` is resolved against the
   * current directory.
   */
  programs?: ProcessPrograms
}

/** The embedded emulated cluster: one process on 127.0.0.1, Istio routing included, no Docker. */
export const emulatedProvider: ClusterProvider<EmulatedClusterOptions> = {
  name: 'emulated',
  lifetime: 'process',
  stopRecorded: stopRecordedClusterProcess,
  async start(options) {
    const state = await openStateDir(options.stateDir)
    options.log?.('starting the emulated cluster')
    // loaded on demand: the kind, k3s and existing providers never pay for the emulator
    const { startEmulatedCluster } = await import('../../emulator/index.js')
    const emulated = await startEmulatedCluster({
      bookinfo: options.bookinfo ?? true,
      stateDir: state.path,
      ...(options.apiPort !== undefined ? { port: options.apiPort } : {}),
      ...(options.ingressPort !== undefined ? { ingressPort: options.ingressPort } : {}),
      ...(options.programs ? { processPrograms: withAbsoluteCwd(options.programs) } : {}),
    }).catch(async (error: unknown) => {
      await state.remove()
      throw new ClusterError(`emulated cluster: could not start: ${(error as Error).message}`, 'emulated', { cause: error })
    })
    const productPage = emulated.productPageUrl?.replace(/\/+$/, '')
    return makeStartedCluster(
      {
        provider: 'emulated',
        name: 'emulated',
        kubeconfig: emulated.kubeconfig,
        kubeconfigPath: emulated.kubeconfigPath,
        context: 'emulated',
        ...clusterAddresses(emulated.apiUrl, emulated.kubeconfigPath, productPage),
        istio: true,
      },
      async () => {
        await emulated.stop()
        await state.remove()
      },
    )
  },
}

import { ChaosError } from '../../errors.js'

/** No interpreter, or it could not start the bridge: the python activity cannot run at all. */
export class PythonUnavailableError extends ChaosError {
  override name = 'PythonUnavailableError'
}

/** The call did not answer within its timeout; the call was cancelled. */
export class PythonTimeoutError extends ChaosError {
  override name = 'PythonTimeoutError'
}

import { ChaosError } from '../errors.js'

/** A watch the API server kept refusing or failing, past the retry bound; `status` is its last HTTP status code. */
export class WatchFailedError extends ChaosError {
  override name = 'WatchFailedError'

  constructor(message: string, readonly status?: number, options?: { cause?: unknown }) {
    super(message, options)
  }
}

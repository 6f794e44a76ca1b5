import { ChaosError } from '../errors.js'

/** A `--var key[:type]=value` that cannot be read; the CLI reports it as a usage error (exit 2). */
export class InvalidVarError extends ChaosError {
  override name = 'InvalidVarError'
}

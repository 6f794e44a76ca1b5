import { ChaosError } from '../errors.js'

/** Options given to a matcher, builder, `startLoad` or `startCluster` that it does not know or cannot use; thrown before anything runs. */
export class InvalidOptionsError extends ChaosError {
  override name = 'InvalidOptionsError'

  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'))
  }
}

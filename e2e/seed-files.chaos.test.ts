// The seed article's Chaos Toolkit files, unchanged, each as one test through chaosTest.experiment (strict mode:
// rollbacks always run). Their hypotheses check the empty `default` namespace or ratings-v2 only, as the article's do.
import { describe } from 'vitest'
import { chaosTest } from '../src/vitest/index.js'

const file = (name: string) => `fixtures/experiments/${name}`

describe('the seed experiments as Chaos Toolkit files', () => {
  chaosTest.experiment(file('drain-nodes-with-rollback.json'), { timeout: 120_000 })
  chaosTest.experiment(file('terminate-half-ratings-v2.json'), { timeout: 120_000 })
  chaosTest.experiment(file('terminate-all-ratings.json'), { timeout: 120_000 })
  chaosTest.experiment(file('reviews-latency.json'), { expect: 'deviated', timeout: 60_000 })
})

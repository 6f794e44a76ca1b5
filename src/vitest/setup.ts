import { expect } from 'vitest'
import { chaosMatchers } from '../matchers/chaos-matchers.js'
import './matcher-types.js'

expect.extend(chaosMatchers)

import { expect } from '@jest/globals'
import { chaosMatchers } from '../matchers/chaos-matchers.js'
import './matcher-types.js'

expect.extend(chaosMatchers)

import { describe, expect, it } from 'vitest'
import { drawFault } from './apply-fault.js'

const always = () => 0
const never = () => 0.999999

describe('drawFault', () => {
  it('delays and aborts when the percentage fires, with a marker naming both', () => {
    const fault = { delay: { fixedDelay: '7s', percentage: { value: 100 } }, abort: { httpStatus: 500, percentage: { value: 100 } } }
    expect(drawFault(fault, always)).toEqual({ delayMs: 7000, abortStatus: 500, marker: 'delay=7s, abort=500' })
  })

  it('injects nothing without a percentage (Istio default 0 %)', () => {
    expect(drawFault({ delay: { fixedDelay: '7s' }, abort: { httpStatus: 500 } }, always)).toEqual({})
  })

  it('honours the legacy delay.percent only when percentage is absent', () => {
    expect(drawFault({ delay: { fixedDelay: '1s', percent: 100 } }, always)).toEqual({ delayMs: 1000, marker: 'delay=1s' })
    expect(drawFault({ delay: { fixedDelay: '1s', percent: 100, percentage: { value: 0 } } }, always)).toEqual({})
  })

  it('treats percentage.value as a percent: 0.1 fires for draws below 0.001', () => {
    const fault = { abort: { httpStatus: 503, percentage: { value: 0.1 } } }
    expect(drawFault(fault, () => 0.0009).abortStatus).toBe(503)
    expect(drawFault(fault, () => 0.0011).abortStatus).toBeUndefined()
    expect(drawFault(fault, never)).toEqual({})
  })

  it('draws delay and abort independently', () => {
    const draws = [0.1, 0.9]
    const fault = { delay: { fixedDelay: '500ms', percentage: { value: 50 } }, abort: { httpStatus: 500, percentage: { value: 50 } } }
    expect(drawFault(fault, () => draws.shift() ?? 1)).toEqual({ delayMs: 500, marker: 'delay=0.5s' })
  })
})

import { describe, expect, it } from 'vitest'
import { ContainerLogs } from './container-logs.js'

describe('ContainerLogs', () => {
  it('serves current and previous output with tail, and forgets a pod', () => {
    const logs = new ContainerLogs()
    logs.append('bookinfo', 'ratings-1', 'ratings', 'first run')
    logs.rotate('bookinfo', 'ratings-1', 'ratings')
    logs.append('bookinfo', 'ratings-1', 'ratings', 'second run, line 1')
    logs.append('bookinfo', 'ratings-1', 'ratings', 'second run, line 2')
    expect(logs.read('bookinfo', 'ratings-1', 'ratings')).toBe('second run, line 1\nsecond run, line 2\n')
    expect(logs.read('bookinfo', 'ratings-1', 'ratings', { previous: true })).toBe('first run\n')
    expect(logs.read('bookinfo', 'ratings-1', 'ratings', { tailLines: 1 })).toBe('second run, line 2\n')
    expect(logs.read('bookinfo', 'ratings-1', 'ratings', { timestamps: true })).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z second run, line 1\n/)
    expect(logs.read('bookinfo', 'ratings-1', 'other')).toBeUndefined()
    logs.forget('bookinfo', 'ratings-1')
    expect(logs.read('bookinfo', 'ratings-1', 'ratings')).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { Cancellation, deriveCancellation } from './cancellation.js'

describe('Cancellation', () => {
  it('aborts once, with the first reason, calling each listener once; an unhooked listener is not called', () => {
    const cancellation = new Cancellation()
    const heard: string[] = []
    cancellation.onAbort((reason) => heard.push(`a:${reason.message}`))
    const unhook = cancellation.onAbort((reason) => heard.push(`b:${reason.message}`))
    unhook()
    expect(cancellation.aborted).toBe(false)
    cancellation.abort(new Error('first'))
    cancellation.abort(new Error('second'))
    expect(heard).toEqual(['a:first'])
    expect(cancellation.reason?.message).toBe('first')
  })

  it('tells a listener added after the abort in a microtask, unless it is unhooked first', async () => {
    const cancellation = new Cancellation()
    cancellation.abort(new Error('gone'))
    const heard: string[] = []
    cancellation.onAbort((reason) => heard.push(reason.message))
    cancellation.onAbort((reason) => heard.push(`late ${reason.message}`))()
    expect(heard).toEqual([])
    await Promise.resolve()
    expect(heard).toEqual(['gone'])
  })

  it('a child aborts with its parent until it is disposed, and on its own without touching the parent', () => {
    const parent = new Cancellation()
    const first = parent.child()
    const second = parent.child()
    second.dispose()
    first.cancellation.abort(new Error('the client went away'))
    expect(parent.aborted).toBe(false)
    const third = deriveCancellation(parent)
    parent.abort(new Error('the mesh was closed'))
    expect(third.cancellation.reason?.message).toBe('the mesh was closed')
    expect(first.cancellation.reason?.message).toBe('the client went away')
    expect(second.cancellation.aborted).toBe(false)
    expect(deriveCancellation(undefined).cancellation.aborted).toBe(false)
  })

  it('follows an AbortSignal with its reason, and stops following it when unhooked', () => {
    const caller = new AbortController()
    const following = new Cancellation()
    following.follow(caller.signal)
    caller.abort(new Error('the caller gave up'))
    expect(following.reason?.message).toBe('the caller gave up')
    const other = new AbortController()
    const unfollowed = new Cancellation()
    unfollowed.follow(other.signal)()
    other.abort(new Error('too late'))
    expect(unfollowed.aborted).toBe(false)
    const already = new Cancellation()
    already.follow(AbortSignal.abort(new Error('aborted before')))
    expect(already.reason?.message).toBe('aborted before')
  })
})

import { describe, it, expect } from 'vitest'
import { ActivityFailedError, InterruptedError } from '../errors.js'
import type { Probe, ProbeTolerance, Tolerance } from '../experiment/types.js'
import { withinTolerance } from './within-tolerance.js'

const http = (status: number, body: unknown = '') => ({ status, headers: { 'Content-Type': 'text/plain' }, body })
const process = (status: number, stdout = '', stderr = '') => ({ status, stdout, stderr })
const check = (tolerance: unknown, value: unknown, lookup: Record<string, unknown> = {}) => withinTolerance(tolerance as Tolerance, value, { lookup })

describe('bool, int and string tolerances', () => {
  it('bool uses Python equality and never matches a result dict', async () => {
    expect(await check(true, true)).toBe(true)
    expect(await check(true, 1)).toBe(true)
    expect(await check(false, 0)).toBe(true)
    expect(await check(true, 'true')).toBe(false)
    expect(await check(true, http(200))).toBe(false)
  })

  it('int compares the status of process and http results, else the output', async () => {
    expect(await check(200, http(200))).toBe(true)
    expect(await check(0, process(0))).toBe(true)
    expect(await check(0, process(1))).toBe(false)
    expect(await check(1, true)).toBe(true)
    expect(await check(1, 1.0)).toBe(true)
    expect(await check(1, '1')).toBe(false)
  })

  it('string is strict equality', async () => {
    expect(await check('ok', 'ok')).toBe(true)
    expect(await check('1', 1)).toBe(false)
    expect(await check('ok', { body: 'ok' })).toBe(false)
  })

  it('substitutes a string tolerance first, and dispatches on the new type', async () => {
    expect(await check('${expected}', 3, { expected: 3 })).toBe(true)
    expect(await check('${codes}', http(250), { codes: [200, 299] })).toBe(false)
    expect(await check('${range}', 250, { range: [200, 299] })).toBe(true)
    expect(await check('v$n', 'v3', { n: 3 })).toBe(true)
  })

  it('has no rule for floats, null or unknown objects: not met', async () => {
    expect(await check(0.5, 0.5)).toBe(false)
    expect(await check(null, null)).toBe(false)
    expect(await check({ type: 'boom' }, 1)).toBe(false)
  })
})

describe('list tolerances', () => {
  it('is membership of the status for results with status, even with two items', async () => {
    expect(await check([200, 299], http(250))).toBe(false)
    expect(await check([200, 299], http(299))).toBe(true)
    expect(await check([0, 1, 2], process(2))).toBe(true)
  })

  it('is an inclusive range for two items, with Python ordering', async () => {
    expect(await check([200, 299], 250)).toBe(true)
    expect(await check([200, 299], 299)).toBe(true)
    expect(await check([200, 299], 300)).toBe(false)
    expect(await check([0, 1], true)).toBe(true)
    expect(await check(['a', 'c'], 'b')).toBe(true)
  })

  it('is membership for other lengths', async () => {
    expect(await check([1, 2, 3], 2)).toBe(true)
    expect(await check([1, 2, 3], 4)).toBe(false)
    expect(await check(['Running'], 'Running')).toBe(true)
    expect(await check([[1, 2]], [1, 2])).toBe(true)
  })

  it('fails the probe where Python would crash on mixed types, saying what to change', async () => {
    await expect(check([200, 299], 'ok')).rejects.toThrow(
      new ActivityFailedError(`tolerance [200, 299] is a range but the probe output "ok" cannot be compared with it ('<=' not supported between instances of 'int' and 'str'); use a tolerance of the output's type, or a range with "target"`),
    )
    await expect(check([0, 10], null)).rejects.toBeInstanceOf(ActivityFailedError)
    expect(await check([5, 'z'], 3)).toBe(false)
  })
})

describe('regex tolerances', () => {
  it('searches the output or its target, with the pattern substituted', async () => {
    expect(await check({ type: 'regex', pattern: '[0-9]{2}' }, 'you are number 87')).toBe(true)
    expect(await check({ type: 'regex', pattern: '^[0-9]{2}$' }, 'you are number 87')).toBe(false)
    expect(await check({ type: 'regex', target: 'stdout', pattern: '[0-9]{2}' }, process(0, 'you are number 87'))).toBe(true)
    expect(await check({ type: 'regex', target: 'stdout', pattern: '[0-9]{2}' }, process(0, 'you are number 8'))).toBe(false)
    expect(await check({ type: 'regex', pattern: '${msg}' }, 'jane said hello', { msg: 'hello' })).toBe(true)
    expect(await check({ type: 'regex', pattern: '${msg}' }, 'jane said hello', { msg: 'bonjour' })).toBe(false)
    expect(await check({ type: 'regex', pattern: '(?i)ERROR' }, 'an error')).toBe(true)
  })

  it('uses the whole output when the target key is missing', async () => {
    expect(await check({ type: 'regex', target: 'nope', pattern: 'x' }, { a: 1 }).catch((e: Error) => e.message)).toBe(
      'regex tolerance needs text but the probe output is {"a":1}: add "target": "body" (http) or "target": "stdout" (process)',
    )
  })

  it('fails the probe on a result dict without target, or a target on a non-object', async () => {
    await expect(check({ type: 'regex', pattern: 'ok' }, http(200, 'ok'))).rejects.toThrow(/add "target": "body" \(http\) or "target": "stdout" \(process\)$/)
    await expect(check({ type: 'regex', target: 'body', pattern: 'ok' }, 'ok')).rejects.toThrow('regex tolerance has "target": "body" but the probe output is not an object ("ok"); remove "target" for this probe')
  })
})

describe('jsonpath tolerances', () => {
  const foo = { foo: [{ baz: 1 }, { baz: 2 }] }
  it('passes with at least one match', async () => {
    expect(await check({ type: 'jsonpath', path: '$.foo.*[?(@.baz)]' }, foo)).toBe(true)
    expect(await check({ type: 'jsonpath', path: '$.notsofoo.*[?(@.baz)].baz' }, foo)).toBe(false)
  })

  it('filters the node itself, including an object node, with = as equality', async () => {
    expect(await check({ type: 'jsonpath', path: '$.foo[?(@.baz="hello")]', count: 1 }, { foo: { baz: 'hello' } })).toBe(true)
    expect(await check({ type: 'jsonpath', path: '$.foo[?(@.baz="bonjour")]', count: 1 }, { foo: { baz: 'hello' } })).toBe(false)
    expect(await check({ type: 'jsonpath', path: '$.foo[?(@.baz)].baz', expect: 'hello' }, { foo: { baz: 'hello' } })).toBe(true)
    expect(await check({ type: 'jsonpath', path: '$.foo[?(@.baz="${msg}")]', count: 1 }, { foo: { baz: 'hello' } }, { msg: 'hello' })).toBe(true)
  })

  it('filters every node under .. (the node itself included), as jsonpath2 does', async () => {
    const pods = { status: 'Running', items: [{ status: 'Running' }, { status: 'Failed', sub: { status: 'Running' } }] }
    expect(await check({ type: 'jsonpath', path: '$..[?(@.status="Running")]', count: 3 }, pods)).toBe(true)
    expect(await check({ type: 'jsonpath', path: '$.items..[?(@.status="Failed")].sub.status', expect: 'Running' }, pods)).toBe(true)
  })

  it('counts matches', async () => {
    expect(await check({ type: 'jsonpath', path: '$.foo.*[?(@.baz=2)]', count: 1 }, foo)).toBe(true)
    expect(await check({ type: 'jsonpath', path: '$.foo.*[?(@.baz)]', count: 2 }, foo)).toBe(true)
    expect(await check({ type: 'jsonpath', path: '$.foo.*[?(@.baz=4)]', count: 2 }, { foo: [{ baz: 4 }, { baz: 4 }] })).toBe(true)
    expect(await check({ type: 'jsonpath', path: '$.foo.*[?(@.baz=4)]', count: 0 }, foo)).toBe(true)
  })

  it('compares with expect: a non-list means exactly one equal match, a list means the same matches in order', async () => {
    const list = { type: 'jsonpath', path: '$.foo.*[?(@.baz)].baz' }
    expect(await check({ ...list, expect: ['hello', 'bonjour'] }, { foo: [{ baz: 'hello' }, { baz: 'bonjour' }] })).toBe(true)
    expect(await check({ ...list, expect: ['bonjour', 'hello'] }, { foo: [{ baz: 'hello' }, { baz: 'bonjour' }] })).toBe(false)
    expect(await check({ type: 'jsonpath', path: '$.foo[?(@.baz)].baz', expect: [['hello', 'bonjour']] }, { foo: { baz: ['hello', 'bonjour'] } })).toBe(true)
    expect(await check({ type: 'jsonpath', path: '$.foo[?(@.baz)].baz', expect: [] }, { foo: { jon: 'boom' } })).toBe(true)
    expect(await check({ type: 'jsonpath', path: '$.a', expect: null }, { a: null })).toBe(true)
    expect(await check({ type: 'jsonpath', path: '$.a', expect: null }, { b: 1 })).toBe(false)
    expect(await check({ type: 'jsonpath', path: '$.a', expect: 1, count: 5 }, { a: true })).toBe(true)
    expect(await check({ type: 'jsonpath', path: '$.a', expect: '${n}' }, { a: 3 }, { n: 3 })).toBe(true)
  })

  it('parses JSON text and uses target', async () => {
    expect(await check({ type: 'jsonpath', path: '$.foo[*].baz' }, '{"foo": [{"baz": 1}, {"baz": 2}]}')).toBe(true)
    expect(await check({ type: 'jsonpath', path: '$.ready', target: 'body', expect: true }, http(200, '{"ready": true}'))).toBe(true)
    expect(await check({ type: 'jsonpath', path: '$.ready' }, 'not json')).toBe(false)
  })
})

describe('range tolerances', () => {
  it('converts the output to a decimal: numbers, numeric strings, booleans', async () => {
    expect(await check({ type: 'range', target: 'body', range: [10, 800] }, http(200, '580'))).toBe(true)
    expect(await check({ type: 'range', target: 'body', range: [10, 800] }, http(200, '801'))).toBe(false)
    expect(await check({ type: 'range', range: [2, 3] }, ' 2.5 ')).toBe(true)
    expect(await check({ type: 'range', range: [0, 1] }, true)).toBe(true)
    expect(await check({ type: 'range', target: 'status', range: [200, 299] }, http(250))).toBe(true)
    expect(await check({ type: 'range', range: [0, 1e6] }, '1_000')).toBe(true)
  })

  it('is not met for a non-numeric string', async () => {
    expect(await check({ type: 'range', range: [0, 10] }, 'five')).toBe(false)
    expect(await check({ type: 'range', range: [0, 10] }, '')).toBe(false)
  })

  it('fails the probe for a dict, list or null output, saying to add a target', async () => {
    await expect(check({ type: 'range', range: [200, 299] }, http(250))).rejects.toThrow(
      new ActivityFailedError('range tolerance needs a number but the probe output is a dict: add "target" to pick a number from it (for example "target": "status" for an http probe)'),
    )
    await expect(check({ type: 'range', range: [0, 1] }, null)).rejects.toThrow('range tolerance needs a number but the probe output is null')
    await expect(check({ type: 'range', range: [0, 1] }, [1])).rejects.toThrow('the probe output is a list')
  })
})

describe('probe tolerances', () => {
  const tolerance: ProbeTolerance = {
    type: 'probe',
    name: 'count-is-high',
    provider: { type: 'python', module: 'checks', func: 'above', arguments: { threshold: 2 } },
  }
  const runProbe = async (probe: Probe): Promise<unknown> => {
    await Promise.resolve()
    const args = (probe.provider as unknown as { arguments: { value: number; threshold: number } }).arguments
    if (args.value < 0) throw new ActivityFailedError('negative')
    if (args.value === 99) throw new InterruptedError('stop')
    return args.value > args.threshold ? ['found'] : []
  }

  it('runs the probe with arguments.value set to the output, on a copy', async () => {
    expect(await withinTolerance(tolerance, 3, { lookup: {}, runProbe })).toBe(true)
    expect(await withinTolerance(tolerance, 1, { lookup: {}, runProbe })).toBe(false)
    expect(tolerance.provider).toEqual({ type: 'python', module: 'checks', func: 'above', arguments: { threshold: 2 } })
  })

  it('counts a failed probe as not met, but lets other errors through', async () => {
    expect(await withinTolerance(tolerance, -1, { lookup: {}, runProbe })).toBe(false)
    await expect(withinTolerance(tolerance, 99, { lookup: {}, runProbe })).rejects.toBeInstanceOf(InterruptedError)
  })

  it('fails the probe when arguments is not an object, or no runner is given', async () => {
    const bare = { ...tolerance, provider: { type: 'python', module: 'checks', func: 'above' } } as ProbeTolerance
    await expect(withinTolerance(bare, 3, { lookup: {}, runProbe })).rejects.toThrow(
      new ActivityFailedError("probe tolerance 'count-is-high' needs provider.arguments as an object to receive the probe output as `value`; add \"arguments\": {}"),
    )
    await expect(withinTolerance(tolerance, 3, { lookup: {} })).rejects.toThrow("probe tolerance 'count-is-high' cannot run here: no probe runner was given")
  })
})

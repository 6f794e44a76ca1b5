import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import { checkExperiment } from './check-experiment.js'
import { mergeIssues } from './experiment-issue.js'
import { loadExperiment } from './load-experiment.js'

const FIXTURE = 'fixtures/experiments-invalid/several-mistakes.yaml'
const SEED = 'fixtures/experiments'

const valid = {
  title: 't',
  description: 'd',
  'steady-state-hypothesis': { title: 'h', probes: [{ type: 'probe', name: 'p', tolerance: 200, provider: { type: 'http', url: 'http://127.0.0.1/' } }] },
  method: [{ type: 'action', name: 'a', provider: { type: 'python', module: 'm', func: 'f' } }, { ref: 'p' }],
}

const pathsAndMessages = (document: unknown) => checkExperiment(document).issues.map((issue) => [issue.path, issue.message])

describe('checkExperiment', () => {
  it('lists every mistake of the several-mistakes fixture with its path, message and line', async () => {
    const loaded = await loadExperiment(FIXTURE)
    const { experiment, issues } = checkExperiment(loaded.document, { locate: loaded.locate })
    expect(experiment).toBeUndefined()
    expect(issues.map((issue) => [issue.location, issue.path, issue.code, issue.message])).toEqual([
      [`${FIXTURE}:2:1`, '/description', 'missing-description', 'experiment requires a description'],
      [`${FIXTURE}:5:5`, '/tags/1', 'bad-tag', 'experiment tags must be a non-empty string'],
      [`${FIXTURE}:9:7`, '/steady-state-hypothesis/probes/0/tolerance', 'missing-tolerance', 'hypothesis probe must have a tolerance entry'],
      [
        `${FIXTURE}:17:18`,
        '/steady-state-hypothesis/probes/1/tolerance',
        'bad-tolerance',
        'hypothesis probe tolerance must either be an integer, a string, a boolean or a pair of values for boundaries. It can also be a dictionary which is a probe activity definition that takes an argument called `value` with the value of the probe itself to be validated',
      ],
      [`${FIXTURE}:25:18`, '/steady-state-hypothesis/probes/2/tolerance/pattern', 'invalid-regex-pattern', 'hypothesis probe tolerance pattern rating[0-9 seems invalid: Unterminated character class'],
      [`${FIXTURE}:33:13`, '/method/0/provider/type', 'unknown-provider-type', "unknown provider type 'pyhton'"],
      [`${FIXTURE}:37:14`, '/method/0/pauses/after', 'bad-pause', 'activity after pause must be a number or a pattern to a variable from the configuration or secrets'],
      [`${FIXTURE}:38:5`, '/method/1/name', 'missing-activity-name', 'an activity must have a name'],
      [`${FIXTURE}:42:17`, '/method/1/background', 'bad-background', 'activity background must be a boolean'],
      [`${FIXTURE}:43:10`, '/method/2/ref', 'unknown-ref', "referenced activity 'missing-activity' could not be found in the experiment"],
      [`${FIXTURE}:45:11`, '/rollbacks/0/type', 'unknown-activity-type', "'rollback' is not a supported activity type"],
      [`${FIXTURE}:48:7`, '/rollbacks/0/provider/module', 'python-module-missing', 'a Python activity must have a module path'],
    ])
    expect(issues[3]!.hint).toBe('use a range instead of a float: [0, 0.5] or {"type": "range", "range": [0, 0.5]}')
  })

  it('accepts every seed experiment and returns it typed', async () => {
    const files = readdirSync(SEED).filter((file) => file.endsWith('.json'))
    expect(files.length).toBeGreaterThanOrEqual(4)
    for (const file of files) {
      const loaded = await loadExperiment(join(SEED, file))
      const result = checkExperiment(loaded.document, { locate: loaded.locate })
      expect(result.issues, file).toEqual([])
      expect(result.experiment?.title, file).toBe((loaded.document as { title: string }).title)
    }
  })

  it('accepts a minimal valid experiment with a ref into the hypothesis', () => {
    expect(checkExperiment(valid)).toEqual({ experiment: valid, issues: [] })
  })

  it("uses Chaos Toolkit's wording for empty documents, titles and a missing method", () => {
    expect(pathsAndMessages({})).toEqual([['', 'an empty experiment is not an experiment']])
    expect(pathsAndMessages(null)).toEqual([['', 'an empty experiment is not an experiment']])
    expect(pathsAndMessages({ title: '', description: 'd', 'steady-state-hypothesis': { probes: [] } })).toEqual([
      ['/title', 'experiment requires a title'],
      ['/steady-state-hypothesis/title', 'hypothesis requires a title'],
      ['/method', 'an experiment requires a method, which can be empty for only checking steady state hypothesis'],
    ])
  })

  it('checks activity basics one by one', () => {
    const method = [
      {},
      { ref: '' },
      { name: 'x', provider: { type: 'http', url: 'u' } },
      { type: 'action', name: 'x' },
      { type: 'action', name: 'x', provider: { module: 'm' } },
      { type: 'action', name: 'x', timeout: '5', pauses: { before: '${wait}', after: '10s' }, provider: { type: 'process' } },
      { type: 'action', name: 'x', provider: { type: 'http' } },
    ]
    expect(pathsAndMessages({ title: 't', description: 'd', method })).toEqual([
      ['/method/0', 'empty activity is no activity'],
      ['/method/1/ref', 'reference to activity must be non-empty strings'],
      ['/method/2/type', 'an activity must have a type'],
      ['/method/3/provider', 'an activity requires a provider'],
      ['/method/4/provider/type', 'a provider must have a type'],
      ['/method/5/provider/path', 'a process activity must have a path'],
      ['/method/5/timeout', 'activity timeout must be a number'],
      ['/method/5/pauses/after', 'activity after pause must be a number or a pattern to a variable from the configuration or secrets'],
      ['/method/6/provider/url', 'a HTTP activity must have a URL'],
    ])
  })

  it('asks a hypothesis ref for a tolerance, as Chaos Toolkit does', () => {
    const document = { ...valid, method: [valid.method[0]], 'steady-state-hypothesis': { title: 'h', probes: [{ ref: 'a' }] } }
    expect(pathsAndMessages(document)).toEqual([['/steady-state-hypothesis/probes/0/tolerance', 'hypothesis probe must have a tolerance entry']])
  })

  it('checks every tolerance kind', () => {
    const probe = (tolerance: unknown) => ({ type: 'probe', name: 'p', tolerance, provider: { type: 'python', module: 'm', func: 'f' } })
    const tolerances = [
      null,
      { type: 'boom' },
      { type: 'regex' },
      { type: 'regex', pattern: 5 },
      { type: 'jsonpath' },
      { type: 'jsonpath', path: ' ' },
      { type: 'jsonpath', path: '$.a[?(@.b==1)]' },
      { type: 'range' },
      { type: 'range', range: 5 },
      { type: 'range', range: [1] },
      { type: 'range', range: ['a', 'b'] },
      { type: 'probe', name: 'q', provider: { type: 'python', module: 'm', func: 'g' } },
      { type: 'jsonpath', path: '$.foo[?(@.baz="hello")]', count: 1 },
      { type: 'regex', pattern: 'x', target: 5 },
      [200, 201],
      true,
      '${expected}',
    ]
    const issues = checkExperiment({ title: 't', description: 'd', method: [], 'steady-state-hypothesis': { title: 'h', probes: tolerances.map(probe) } }).issues
    const at = (i: number) => `/steady-state-hypothesis/probes/${i}/tolerance`
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      [at(0), expect.stringMatching(/^hypothesis probe tolerance must either be an integer/)],
      [`${at(1)}/type`, "hypothesis probe tolerance type 'boom' is unsupported"],
      [`${at(2)}/pattern`, 'hypothesis regex probe tolerance must have a `pattern` key'],
      [`${at(3)}/pattern`, 'hypothesis probe tolerance pattern 5 has an invalid type'],
      [`${at(4)}/path`, 'hypothesis jsonpath probe tolerance must have a `path` key'],
      [`${at(5)}/path`, 'hypothesis probe tolerance JSON path cannot be empty'],
      [`${at(6)}/path`, 'hypothesis probe tolerance JSON path $.a[?(@.b==1)] is invalid'],
      [`${at(7)}/range`, 'hypothesis range probe tolerance must have a `range` key'],
      [`${at(8)}/range`, 'hypothesis range must be a sequence'],
      [`${at(9)}/range`, 'hypothesis range sequence must be made of two values'],
      [`${at(10)}/range/0`, 'hypothesis range lower boundary must be a number'],
      [`${at(10)}/range/1`, 'hypothesis range upper boundary must be a number'],
      [`${at(11)}/provider/arguments`, 'a probe tolerance needs provider.arguments as an object: the probe output is passed in it as `value`'],
      [`${at(13)}/target`, "'target' must be a string, not number 5"],
    ])
    expect(issues[6]!.hint).toBe("'==' is not jsonpath2 syntax: use a single = for equality, and/or/not for logic; Chaos Toolkit paths use a single = in filters, e.g. $.items[?(@.name=\"web\")]")
  })

  it('adds schema problems Chaos Toolkit does not check, without repeating a path it already reported', () => {
    const document = {
      title: 't',
      description: 'd',
      tags: 'k8s',
      method: [{ type: 'action', name: 'a', provider: { type: 'http', url: 'http://127.0.0.1/', verify_tls: 'no', timeout: { s: 1 } } }],
      rollbacks: [{ type: 'action', name: 'r', provider: { type: 'pyhton', module: 5 } }],
      runtime: { rollbacks: { strategy: 'sometimes' } },
    }
    expect(checkExperiment(document).issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['/rollbacks/0/provider/type', "unknown provider type 'pyhton'"],
      ['/tags', "'tags' must be a list, not string \"k8s\""],
      ['/runtime/rollbacks/strategy', `'strategy' must be one of "default", "always", "never", "deviated", not string "sometimes"`],
      ['/method/0/provider/timeout', "'timeout' must be a number, a list or a string, not an object"],
      ['/method/0/provider/verify_tls', "'verify_tls' must be a boolean, not string \"no\""],
    ])
  })

  it('checks env references in configuration statically', () => {
    const document = { ...valid, configuration: { ns: { type: 'env', key: 'NS', env_var_type: 'date' }, port: { type: 'env' }, plain: 'x' } }
    expect(pathsAndMessages(document)).toEqual([
      ['/configuration/ns/env_var_type', `'env_var_type' must be one of "str", "string", "int", "integer", "float", "number", "bytes", "bool", "json", not string "date"`],
      ['/configuration/port/key', "'key' is required"],
    ])
  })

  it('checks experiment-level controls and extensions', () => {
    const document = { ...valid, extensions: [{ name: ' ' }, { name: 'chaosiq' }], controls: [{ name: 'tracing', scope: 'post', provider: { type: 'python' } }, { ref: 'nope', name: 'x', provider: {} }, {}] }
    expect(pathsAndMessages(document)).toEqual([
      ['/extensions/0/name', 'All extensions require a non-empty name'],
      ['/controls/0/scope', "Control 'tracing' scope property must be 'before' or 'after' only"],
      ['/controls/0/provider/module', "Control 'tracing' must have a module path"],
      ['/controls/1/ref', "Control reference '{}' declaration cannot be found"],
      ['/controls/2/name', 'A control must have a `name` property'],
    ])
  })
})

describe('mergeIssues', () => {
  it('drops later issues at, above or below a path already reported', () => {
    const issue = (path: string, message: string) => ({ path, message, code: 'c' })
    expect(mergeIssues([issue('/method/0/provider/module', 'a')], [issue('/method/0/provider/module', 'b'), issue('/method/0/provider', 'c'), issue('/method/1', 'd'), issue('/method/1/name', 'e')])).toEqual([
      issue('/method/0/provider/module', 'a'),
      issue('/method/1', 'd'),
      issue('/method/1/name', 'e'),
    ])
  })
})

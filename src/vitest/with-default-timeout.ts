import { configuredTestTimeout } from './configured-timeout.js'

type TestArguments = [name: unknown, optionsOrFn?: unknown, fnOrTimeout?: unknown]

// the modifiers that still register a test with (name, options, fn); others (each, for, skipIf…) are left as they are
const CHAIN_KEYS = new Set<PropertyKey>(['only', 'fails', 'concurrent', 'sequential'])

/** The arguments with `{ timeout }` added when the test has none of its own and none is configured. */
const addTimeout = (args: TestArguments, timeoutMs: () => number): unknown[] => {
  const [name, optionsOrFn, fnOrTimeout] = args
  if (typeof fnOrTimeout === 'number' || configuredTestTimeout() !== undefined) return args
  if (typeof optionsOrFn === 'function') return [name, { timeout: timeoutMs() }, optionsOrFn]
  if (typeof optionsOrFn === 'object' && optionsOrFn !== null && (optionsOrFn as { timeout?: unknown }).timeout === undefined) {
    return [name, { ...optionsOrFn, timeout: timeoutMs() }, fnOrTimeout]
  }
  return args
}

/**
 * `test` (or a `test.extend` result) whose tests get `timeoutMs()` unless they pass a timeout or the project configures
 * `testTimeout`; `.only`, `.fails`, `.concurrent` and `.sequential` keep the default.
 */
export const withDefaultTimeout = <T extends object>(test: T, timeoutMs: () => number): T =>
  new Proxy(test, {
    apply: (target, thisArg, args: unknown[]) => Reflect.apply(target as (...a: unknown[]) => unknown, thisArg, addTimeout(args as TestArguments, timeoutMs)),
    get: (target, key, receiver) => {
      const value: unknown = Reflect.get(target, key, receiver)
      return CHAIN_KEYS.has(key) && typeof value === 'function' ? withDefaultTimeout(value, timeoutMs) : value
    },
  })

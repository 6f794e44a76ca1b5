import type { ArgumentReader } from './arguments.js'
import type { DriverSecrets } from './client.js'

/**
 * One parameter of a Chaos Toolkit function: its Python name, whether the Python signature gives it a default
 * (`required` when not), how `run` reads it (`Value`), and what a typed builder takes for it (`Option`).
 */
export interface ActivityParam<Option, Value, Required extends boolean = boolean> {
  readonly python: string
  readonly required: Required
  /** False for `secrets` and `configuration`: the python provider passes them, a builder does not take them. */
  readonly option: boolean
  read(reader: ArgumentReader): Value
  /** Never set: carries the builder's option type. */
  readonly optionType?: Option
}

/** Any parameter; the shape `defineActivity()` takes its parameters in. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the variance of a parameter list of mixed types
export type AnyActivityParam = ActivityParam<any, unknown>

const param = <Option, Value>(python: string, read: (reader: ArgumentReader) => Value): ActivityParam<Option, Value, false> =>
  ({ python, required: false, option: true, read })

/**
 * A string; `fallback` is the Python default. A number given for it is read as its text, as Python formats it.
 *
 * @example
 * const ns = string('ns', 'default')
 */
export function string<O extends string = string>(python: string): ActivityParam<O, string | undefined, false>
export function string<O extends string = string>(python: string, fallback: string): ActivityParam<O, string, false>
export function string(python: string, fallback?: string): ActivityParam<string, string | undefined, false> {
  return param(python, (read) => read.string(python) ?? fallback)
}

/** A string the signature requires and the function cannot do without: `None` fails too. */
export const requiredString = (python: string): ActivityParam<string, string, true> => ({ ...param(python, (read) => read.requiredString(python)), required: true })

/** An integer; `fallback` is the Python default. */
export function integer(python: string): ActivityParam<number, number | undefined, false>
export function integer(python: string, fallback: number): ActivityParam<number, number, false>
export function integer(python: string, fallback?: number): ActivityParam<number, number | undefined, false> {
  return param(python, (read) => read.integer(python) ?? fallback)
}

/** A number; `fallback` is the Python default. */
export function number(python: string): ActivityParam<number, number | undefined, false>
export function number(python: string, fallback: number): ActivityParam<number, number, false>
export function number(python: string, fallback?: number): ActivityParam<number, number | undefined, false> {
  return param(python, (read) => read.number(python) ?? fallback)
}

/** A flag read with Python truthiness (`if all:`), `fallback` when not given. */
export const flag = (python: string, fallback: boolean): ActivityParam<boolean, boolean, false> => param(python, (read) => read.flag(python, fallback))

/** A JSON object (a dict in Python). */
export const object = <O = Record<string, unknown>>(python: string): ActivityParam<O, Record<string, unknown> | undefined, false> =>
  param(python, (read) => read.object(python))

/** A JSON list. */
export const list = <O = unknown[]>(python: string): ActivityParam<O, unknown[] | undefined, false> => param(python, (read) => read.list(python))

/** Any JSON value, passed on unchecked (`None` stays `null`), as a Python function that only forwards it. */
export const value = <O = unknown>(python: string): ActivityParam<O, unknown, false> => param(python, (read) => read.raw(python))

/** The secrets the python provider merges from the activity's scopes. */
export const secrets = (): ActivityParam<never, DriverSecrets, false> => ({ ...param('secrets', (read) => read.secrets()), option: false })

/** The experiment's configuration, which chaosistio's functions take and ignore. */
export const configuration = (): ActivityParam<never, unknown, false> => ({ ...param('configuration', (read) => read.raw('configuration')), option: false })

/**
 * The same parameter, without a default in the Python signature (so the binding reports it missing) but read as given.
 *
 * @example
 * const labelSelector = required(string('label_selector')) // pods_in_phase(label_selector, ...)
 */
export const required = <O, V>(param: ActivityParam<O, V>): ActivityParam<O, V, true> => ({ ...param, required: true })

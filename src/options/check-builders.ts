import type { z } from 'zod'
import { checkOptions } from './check-options.js'

type Builders = Record<string, (options: never) => unknown>

/**
 * The same builders, each checking its options against its schema before building; `family` prefixes messages (`k8s.drainNodes`).
 *
 * @example
 * export const k8s = withCheckedOptions('k8s', { drainNodes: … }, k8sBuilderSchemas)
 */
export const withCheckedOptions = <B extends Builders>(family: string, builders: B, schemas: { [K in keyof B]: z.ZodType }): B =>
  Object.fromEntries(
    Object.entries(builders).map(([name, build]) => [name, (options: never) => build(checkOptions(`${family}.${name}`, schemas[name]!, options))]),
  ) as B

import pc from 'picocolors'

export type LogLevel = 'debug' | 'info' | 'warning' | 'error' | 'critical'

const LEVEL_NAMES: Record<LogLevel, string> = { debug: 'DEBUG', info: 'INFO', warning: 'WARNING', error: 'ERROR', critical: 'CRITICAL' }

const pad = (n: number): string => String(n).padStart(2, '0')

/** Local time as Python logging's `%Y-%m-%d %H:%M:%S`. */
export const formatLogTime = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`

const colourFor = (level: LogLevel, colors: ReturnType<typeof pc.createColors>) =>
  level === 'critical' || level === 'error' ? colors.red : level === 'warning' ? colors.yellow : level === 'debug' ? colors.dim : colors.green

/**
 * One log line as `chaos run` prints it: `[2026-11-26 14:47:55 INFO] Probe: all-microservices-should-be-healthy`.
 *
 * @example
 * formatLogLine('info', 'Action: drain-nodes', { date: new Date(), colors: false })
 */
export const formatLogLine = (level: LogLevel, message: string, options: { date: Date; colors: boolean }): string => {
  const colors = pc.createColors(options.colors)
  const head = `[${formatLogTime(options.date)} ${LEVEL_NAMES[level]}]`
  return `${colourFor(level, colors)(head)} ${message}\n`
}

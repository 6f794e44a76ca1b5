// kubectl's duration.HumanDuration, applied to a creationTimestamp the way the server's table printers do.

export const humanDuration = (milliseconds: number): string => {
  const seconds = Math.floor(milliseconds / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 120) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`
  if (minutes < 180) return `${minutes}m`
  const hours = Math.floor(minutes / 60)
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) return hours % 24 === 0 ? `${hours / 24}d` : `${Math.floor(hours / 24)}d${hours % 24}h`
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`
  const years = Math.floor(hours / 24 / 365)
  if (hours < 24 * 365 * 8) {
    const days = Math.floor(hours / 24) % 365
    return days === 0 ? `${years}y` : `${years}y${days}d`
  }
  return `${years}y`
}

/** `31s`, `3m33s`, `<unknown>` when there is no timestamp. */
export const ageOf = (timestamp: unknown, now = Date.now()): string => {
  if (typeof timestamp !== 'string') return '<unknown>'
  const time = Date.parse(timestamp)
  return Number.isNaN(time) ? '<unknown>' : humanDuration(now - time)
}

import type { TimelineSecond } from '../drivers/load/load-types.js'

const WIDTH = 640
const HEIGHT = 160
const PAD = 28
const PHASE_FILL = { baseline: '#eef6ee', fault: '#fbe9e7', recovery: '#e8f0fb' } as const

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const polyline = (points: [number, number][], color: string): string =>
  `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}"/>`

/** An inline SVG of a load timeline: requests and failures per second (left axis), p99 latency (right axis), phases shaded. */
export const renderTimelineSvg = (timeline: readonly TimelineSecond[], title: string): string => {
  if (timeline.length === 0) return ''
  const seconds = timeline.length
  const x = (index: number) => PAD + ((WIDTH - 2 * PAD) * index) / Math.max(1, seconds - 1)
  const maxCount = Math.max(1, ...timeline.map((s) => s.requests + s.errors + s.timeouts))
  const maxP99 = Math.max(1, ...timeline.map((s) => s.p99))
  const yCount = (value: number) => HEIGHT - PAD - ((HEIGHT - 2 * PAD) * value) / maxCount
  const yLatency = (value: number) => HEIGHT - PAD - ((HEIGHT - 2 * PAD) * value) / maxP99
  const bands = timeline.map((s, index) => {
    const left = index === 0 ? PAD : (x(index - 1) + x(index)) / 2
    const right = index === seconds - 1 ? WIDTH - PAD : (x(index) + x(index + 1)) / 2
    return `<rect x="${left.toFixed(1)}" y="${PAD}" width="${(right - left).toFixed(1)}" height="${HEIGHT - 2 * PAD}" fill="${PHASE_FILL[s.phase]}"/>`
  })
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeXml(title)}">`,
    ...bands,
    polyline(timeline.map((s, i) => [x(i), yCount(s.requests)]), '#2e7d32'),
    polyline(timeline.map((s, i) => [x(i), yCount(s.errors + s.timeouts + s.non2xx)]), '#c62828'),
    polyline(timeline.map((s, i) => [x(i), yLatency(s.p99)]), '#1565c0'),
    `<text x="${PAD}" y="16" font-size="11">requests/s (green, max ${maxCount}) · failed/s (red) · p99 (blue, max ${maxP99.toFixed(0)} ms) · ${seconds} s</text>`,
    '</svg>',
  ].join('')
}

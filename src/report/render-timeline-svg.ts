import { escapeHtml } from './escape-html.js'
import { niceTicks } from './nice-ticks.js'
import type { LoadBucket, MarkKind, RunTimeline } from './run-timeline.js'

const WIDTH = 960
const LEFT = 64
const RIGHT = 24
const TOP = 34
const PANEL = 110
const GAP = 26
const BOTTOM = 40

const PHASE_FILL = { baseline: '#e8f5e9', fault: '#ffebee', recovery: '#e3f2fd' } as const
const MARK_COLOR: Record<MarkKind, string> = { 'activity-start': '#37474f', 'activity-end': '#90a4ae', rollback: '#6a1b9a', recovered: '#2e7d32' }

interface Series { values: (bucket: LoadBucket) => number; color: string; label: string }

interface Panel { metric: string; unit: string; series: Series[]; limit?: { value: number; label: string }; format: (value: number) => string }

const fixed = (digits: number) => (value: number) => Number(value.toFixed(digits)).toString()

const panels = (timeline: RunTimeline): Panel[] => [
  { metric: 'throughput', unit: 'req/s', format: fixed(0), series: [{ values: (b) => b.throughput, color: '#2e7d32', label: 'answered requests per second' }] },
  {
    metric: 'error-rate', unit: '%', format: fixed(1),
    series: [{ values: (b) => b.errorRate * 100, color: '#c62828', label: 'failed requests (errors, timeouts, non-2xx)' }],
    ...(timeline.sloErrorRate !== undefined && { limit: { value: timeline.sloErrorRate * 100, label: `SLO ${fixed(2)(timeline.sloErrorRate * 100)} %` } }),
  },
  {
    metric: 'latency', unit: 'ms', format: fixed(0),
    series: [{ values: (b) => b.p50, color: '#64b5f6', label: 'p50' }, { values: (b) => b.p99, color: '#0d47a1', label: 'p99' }],
    ...(timeline.sloP99Ms !== undefined && { limit: { value: timeline.sloP99Ms, label: `SLO p99 ${timeline.sloP99Ms} ms` } }),
  },
]

// a step per bucket, so the chart shows the resolution the figures really have
const stepPath = (steps: [number, number, number][]): string => steps.map(([from, to, y], index) => `${index === 0 ? 'M' : 'L'}${from.toFixed(1)},${y.toFixed(1)}L${to.toFixed(1)},${y.toFixed(1)}`).join('')

/**
 * One SVG for a run: throughput, error rate and p50/p99 latency against time, with axes and units, the phase bands
 * labelled, a numbered line for each activity start/end, rollback and the moment the hypothesis held again, and the SLO lines.
 */
export const renderTimelineSvg = (timeline: RunTimeline, title: string): string => {
  const hasLoad = timeline.buckets.length > 0
  const shown = hasLoad ? panels(timeline) : []
  const plotBottom = TOP + shown.length * (PANEL + GAP) + (hasLoad ? 0 : 40)
  const height = plotBottom + BOTTOM
  const seconds = Math.max(timeline.endMs / 1000, 1)
  const x = (ms: number) => LEFT + ((WIDTH - LEFT - RIGHT) * Math.min(Math.max(ms, 0), seconds * 1000)) / (seconds * 1000)
  const parts: string[] = []
  for (const band of timeline.bands) {
    parts.push(`<g class="phase" data-phase="${band.phase}"><rect x="${x(band.fromMs).toFixed(1)}" y="${TOP - 16}" width="${Math.max(0, x(band.toMs) - x(band.fromMs)).toFixed(1)}" height="${plotBottom - TOP + 16}" fill="${PHASE_FILL[band.phase]}"/>` +
      `<text class="phase-label" x="${(x(band.fromMs) + 4).toFixed(1)}" y="${TOP - 4}" font-size="12" font-weight="600" fill="#37474f">${band.phase}</text></g>`)
  }
  shown.forEach((panel, index) => {
    const top = TOP + index * (PANEL + GAP) + 8
    const bottom = top + PANEL - 8
    const max = Math.max(...timeline.buckets.flatMap((bucket) => panel.series.map((series) => series.values(bucket))), panel.limit?.value ?? 0)
    const ticks = niceTicks(max)
    const yMax = ticks.at(-1)!
    const y = (value: number) => bottom - ((bottom - top) * value) / yMax
    const axis = ticks.map((tick) => `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="#cfd8dc" stroke-width="0.5"/><text x="${LEFT - 6}" y="${(y(tick) + 4).toFixed(1)}" font-size="11" text-anchor="end">${panel.format(tick)}</text>`)
    const lines = panel.series.map((series) => `<path class="series" data-series="${escapeHtml(series.label)}" fill="none" stroke="${series.color}" stroke-width="1.5" d="${stepPath(timeline.buckets.map((bucket) => [x(bucket.fromMs), x(bucket.toMs), y(series.values(bucket))]))}"/>`)
    const limit = panel.limit
      ? `<g class="slo"><line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(panel.limit.value).toFixed(1)}" y2="${y(panel.limit.value).toFixed(1)}" stroke="#ef6c00" stroke-width="1.5" stroke-dasharray="6 4"/><text x="${WIDTH - RIGHT - 4}" y="${(y(panel.limit.value) - 4).toFixed(1)}" font-size="11" text-anchor="end" fill="#ef6c00">${escapeHtml(panel.limit.label)}</text></g>`
      : ''
    const legend = panel.series.map((series, i) => `<tspan fill="${series.color}" dx="${i === 0 ? 0 : 10}">■ ${escapeHtml(series.label)}</tspan>`).join('')
    parts.push(`<g class="panel" data-metric="${panel.metric}">${axis.join('')}<line x1="${LEFT}" x2="${LEFT}" y1="${top}" y2="${bottom}" stroke="#546e7a"/>` +
      `<text transform="translate(14 ${((top + bottom) / 2).toFixed(1)}) rotate(-90)" font-size="11" text-anchor="middle">${panel.metric.replace('-', ' ')} (${panel.unit})</text>` +
      `${lines.join('')}${limit}<text x="${LEFT + 6}" y="${top + 2}" font-size="11">${legend}</text></g>`)
  })
  const xTicks = niceTicks(seconds, 10).filter((tick) => tick <= seconds)
  parts.push(`<g class="x-axis"><line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${plotBottom}" y2="${plotBottom}" stroke="#546e7a"/>` +
    xTicks.map((tick) => `<line x1="${x(tick * 1000).toFixed(1)}" x2="${x(tick * 1000).toFixed(1)}" y1="${plotBottom}" y2="${plotBottom + 4}" stroke="#546e7a"/><text x="${x(tick * 1000).toFixed(1)}" y="${plotBottom + 16}" font-size="11" text-anchor="middle">${tick}</text>`).join('') +
    `<text x="${(LEFT + WIDTH - RIGHT) / 2}" y="${plotBottom + 32}" font-size="11" text-anchor="middle">time since the experiment started (s)${timeline.resolutionMs ? ` · load figures per ${timeline.resolutionMs / 1000} s` : ' · no load was driven'}</text></g>`)
  timeline.marks.forEach((mark, index) => {
    const markX = x(mark.atMs).toFixed(1)
    const dash = mark.kind === 'activity-end' ? ' stroke-dasharray="3 3"' : ''
    parts.push(`<g class="mark" data-kind="${mark.kind}"><title>${escapeHtml(`${(mark.atMs / 1000).toFixed(2)} s: ${mark.label}`)}</title>` +
      `<line x1="${markX}" x2="${markX}" y1="${TOP - 16}" y2="${plotBottom}" stroke="${MARK_COLOR[mark.kind]}" stroke-width="${mark.kind === 'recovered' || mark.kind === 'rollback' ? 2 : 1}"${dash}/>` +
      `<text x="${markX}" y="${TOP - 20 - (index % 2) * 10}" font-size="10" text-anchor="middle" fill="${MARK_COLOR[mark.kind]}">${index + 1}</text></g>`)
  })
  return `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height + 20}" width="${WIDTH}" height="${height + 20}" role="img" aria-label="${escapeHtml(title)}"><g transform="translate(0 20)">${parts.join('')}</g></svg>`
}

import { describe, expect, it } from 'vitest'
import { renderTimelineSvg } from './render-timeline-svg.js'
import type { RunTimeline } from './run-timeline.js'

const timeline = (sloP99Ms: number): RunTimeline => ({
  endMs: 400, bands: [{ phase: 'baseline', fromMs: 0, toMs: 400 }], marks: [], resolutionMs: 100, sloP99Ms,
  buckets: [
    { fromMs: 0, toMs: 100, throughput: 50, secondThroughput: 20, errorRate: 0, p50: 40, p99: 100 },
    { fromMs: 100, toMs: 200, throughput: 0, secondThroughput: 20 },
    { fromMs: 200, toMs: 300, throughput: 30, secondThroughput: 20, errorRate: 0, p50: 20, p99: 60 },
  ],
})

const seriesPath = (svg: string, name: string) => new RegExp(`data-series="${name}"[^>]* d="([^"]*)"`).exec(svg)![1]!

describe('renderTimelineSvg', () => {
  it('draws one step per bucket and breaks the latency line where a bucket had no answer', () => {
    const svg = renderTimelineSvg(timeline(150), 't')
    expect(seriesPath(svg, 'answered requests per second, counted per 100 ms').match(/L/g)).toHaveLength(5)
    expect(seriesPath(svg, 'p99').match(/M/g)).toHaveLength(2)
    expect(svg).toContain('load figures per 100 ms bucket')
  })

  it('draws an SLO near the figures as a line, and names one far above them over the panel', () => {
    expect(renderTimelineSvg(timeline(150), 't')).toMatch(/<g class="slo"><line [^>]*>.*SLO p99 150 ms</)
    const far = renderTimelineSvg(timeline(2000), 't')
    expect(far).toContain('<g class="slo" data-off-scale="true">')
    expect(far).toContain('SLO p99 2000 ms ↑ above this scale')
    // the latency axis stops at the figures (100 ms), not at the SLO
    expect(far).not.toMatch(/text-anchor="end">2000</)
  })
})

export { startLoad } from './start-load.js'
export { loadCatalog } from './catalog.js'
export type { LatencyFigures, LoadOptions, LoadPhase, LoadReport, PhaseFigures, RunningLoad, TimelineBucket, TimelineSecond } from './load-types.js'

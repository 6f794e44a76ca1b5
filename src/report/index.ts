export { default, default as ChaosReporter, type ChaosReporterOptions } from './chaos-reporter.js'
export { formatMarkdownSummary } from './format-markdown-summary.js'
export { formatConsoleSummary } from './format-console-summary.js'
export type { ChaosTestResult } from './chaos-test-result.js'

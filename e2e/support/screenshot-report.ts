// Screenshots an HTML report in headless Debian chromium: npx tsx e2e/support/screenshot-report.ts .chaos/report.html docs/report-drain.png
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromiumMissingReason, launchChromium } from '../../src/report/testing/headless-chromium.js'

const [report = '.chaos/report.html', output = 'docs/report-drain.png'] = process.argv.slice(2)
const missing = chromiumMissingReason()
if (missing) {
  console.error(missing)
  process.exit(1)
}
const browser = await launchChromium()
try {
  const page = await browser.context.newPage()
  await page.goto(pathToFileURL(resolve(report)).href)
  await page.locator('section.test').first().screenshot({ path: output })
  console.log(`wrote ${output}`)
} finally {
  await browser.close()
}

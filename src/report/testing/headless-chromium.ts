// Test support: Debian's chromium, headless, driven by playwright-core (never a browser download), with a fresh profile.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Why a browser test cannot run here, or undefined when it can. */
export const chromiumMissingReason = (): string | undefined =>
  existsSync(CHROMIUM_PATH) ? undefined : `${CHROMIUM_PATH} not found; install Debian's chromium (apt-get install -y chromium; .ci/run does) to check the HTML report in a browser`

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** A headless chromium with a fresh profile; `close()` stops it and removes the profile. */
export const launchChromium = async (): Promise<{ context: BrowserContext; close: () => Promise<void> }> => {
  const profile = await mkdtemp(join(tmpdir(), 'chaos-chromium-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: FLAGS, viewport: { width: 1100, height: 900 } })
  return {
    context,
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

/** Share of a PNG's pixels that are not near-white, measured by the browser itself (canvas), so no PNG decoder is needed here. */
export const inkShare = async (context: BrowserContext, png: Buffer): Promise<number> => {
  const page = await context.newPage()
  try {
    // a string, as this project compiles without DOM types
    return await page.evaluate<number>(`(async () => {
      const image = new Image()
      image.src = 'data:image/png;base64,${png.toString('base64')}'
      await image.decode()
      const canvas = document.createElement('canvas')
      canvas.width = image.width
      canvas.height = image.height
      const context2d = canvas.getContext('2d')
      context2d.drawImage(image, 0, 0)
      const data = context2d.getImageData(0, 0, canvas.width, canvas.height).data
      let ink = 0
      for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink += 1
      return ink / (data.length / 4)
    })()`)
  } finally {
    await page.close()
  }
}

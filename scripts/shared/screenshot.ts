import type {Page} from 'playwright-core'

/**
 * Runs `work` with the viewport grown to the page's whole height, then restores it. Cards and rows
 * are `content-visibility: auto`: Chromium lays out and paints only those near the viewport, so a
 * full-page capture at the usual height shows the rest blank.
 */
export async function withWholePage<T>(page: Page, work: () => Promise<T>): Promise<T> {
  const viewport = page.viewportSize()
  if (!viewport) return work()
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({width: viewport.width, height: Math.max(viewport.height, height)})
  // content-visibility is decided in a rendering update. A capture makes Chromium produce a frame, and
  // works where the page's own scripts (and so requestAnimationFrame) are off.
  await page.screenshot({clip: {x: 0, y: 0, width: 1, height: 1}})
  try {
    return await work()
  } finally {
    await page.setViewportSize(viewport)
  }
}

/** A screenshot of the whole page as a reader scrolling through it sees it. */
export async function screenshotWholePage(page: Page, path: string): Promise<void> {
  await withWholePage(page, () => page.screenshot({path, fullPage: true}))
}

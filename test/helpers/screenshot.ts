import type {Page} from 'playwright-core'

/**
 * A screenshot of the whole page as a reader scrolling through it would see it. The viewport is
 * grown to the page's height first: Chromium's own full-page capture paints only what is near the
 * viewport, so anything with `content-visibility: auto` further down (the rows of a long list) came
 * out blank.
 */
export async function screenshotWholePage(page: Page, path: string): Promise<void> {
  const viewport = page.viewportSize()
  if (!viewport) return void (await page.screenshot({path, fullPage: true}))
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({width: viewport.width, height: Math.max(viewport.height, height)})
  try {
    await page.screenshot({path, fullPage: true})
  } finally {
    await page.setViewportSize(viewport)
  }
}

import {inject} from 'vitest'
import {chromium, type Browser, type BrowserContext, type Page} from 'playwright-core'

/**
 * The Chromium the test files share. The global setup (test/helpers/setup-chromium.ts) launches one
 * browser for the whole run; each test file connects to it once, when it first asks. A file's
 * `browser.close()` only disconnects it (and closes the contexts it opened); the browser runs on.
 * Each file still works in contexts of its own, so no cookie, storage or route leaks between files.
 */
let connected: Promise<Browser> | undefined

export async function sharedBrowser(): Promise<Browser> {
  connected ??= chromium.connect(inject('chromiumEndpoint'))
  const browser = await connected
  if (browser.isConnected()) return browser
  // The file closed its connection and asks again: connect anew.
  connected = undefined
  return sharedBrowser()
}

/**
 * Runs `visit` for every item on `width` pages of `context` at once, each page taking the next item when it
 * is done with one: Chromium renders each page in a process of its own, so the pages load side by side.
 */
export async function onPages<T>(context: BrowserContext, items: readonly T[], visit: (page: Page, item: T) => Promise<void>, width = 3): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({length: Math.min(width, items.length)}, async () => {
      const page = await context.newPage()
      while (next < items.length) await visit(page, items[next++]!)
      await page.close()
    })
  )
}


import {inject} from 'vitest'
import {text} from 'node:stream/consumers'
import {chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Download, type Page} from 'playwright-core'

/**
 * The Chromium the test files share. The global setup (test/helpers/setup-chromium.ts) launches one
 * browser for the whole run; each test file connects to it once, when it first asks. A file's
 * `browser.close()` only disconnects it (and closes the contexts it opened); the browser runs on.
 * Each file still works in contexts of its own, so no cookie, storage or route leaks between files.
 */
let connected: Promise<Browser> | undefined

export async function sharedBrowser(): Promise<Browser> {
  connected ??= chromium.connect(inject('chromiumEndpoint')).then(withHangLimit)
  const browser = await connected
  if (browser.isConnected()) return browser
  // The file closed its connection and asks again: connect anew.
  connected = undefined
  return sharedBrowser()
}

/**
 * Playwright gives a navigation, a wait or an action 30 s by default. That is a limit for a hang here, not a
 * speed check, and on two cores loaded by the whole suite it is too short: the hostile list's home page, whose
 * every name is 30 KB without a space, takes Chromium 3 to 8 s to lay out on a quiet machine, and took more than
 * 30 s in one CI run. Every context the shared browser opens gets the limit vitest gives a hook (vitest.config.ts).
 */
const hangLimit = 300_000

function withHangLimit(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser)
  const newPage = browser.newPage.bind(browser)
  browser.newContext = async (options) => {
    const context = await newContext(options)
    context.setDefaultTimeout(hangLimit)
    return context
  }
  browser.newPage = async (options) => {
    const page = await newPage(options)
    page.context().setDefaultTimeout(hangLimit)
    return page
  }
  return browser
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

/**
 * An init script (`context.addInitScript(trackPendingWork)`) that lets `settled(page)` wait for the page's
 * late work: every fetch and the reading of its body, every timeout it set, then a rendering update and a
 * task after it, so an event fired in that update (toggle, focus, an image's error) has run too.
 */
export function trackPendingWork(): void {
  const pending = new Set<Promise<unknown>>()
  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise)
    const done = () => pending.delete(promise)
    promise.then(done, done)
    return promise
  }
  const fetchFirst = window.fetch
  window.fetch = (...args: Parameters<typeof fetch>) => track(fetchFirst(...args))
  for (const method of ['json', 'text', 'arrayBuffer', 'blob'] as const) {
    const read = Response.prototype[method] as (this: Response) => Promise<unknown>
    Object.defineProperty(Response.prototype, method, {
      value(this: Response) {
        return track(read.call(this))
      }
    })
  }
  // A timeout is pending until its callback has run or it is cleared.
  const setFirst = window.setTimeout.bind(window)
  const clearFirst = window.clearTimeout.bind(window)
  const timers = new Map<number, () => void>()
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    if (typeof handler !== 'function') return setFirst(handler, delay, ...args)
    let finish = () => {}
    track(new Promise<void>((resolve) => (finish = resolve)))
    const id = setFirst(() => {
      timers.delete(id)
      try {
        ;(handler as (...values: unknown[]) => void)(...args)
      } finally {
        finish()
      }
    }, delay)
    timers.set(id, finish)
    return id
  }) as typeof window.setTimeout
  window.clearTimeout = ((id?: number) => {
    clearFirst(id)
    if (id === undefined) return
    timers.get(id)?.()
    timers.delete(id)
  }) as typeof window.clearTimeout
  Object.defineProperty(window, '__settled', {
    value: async () => {
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(() => setFirst(resolve, 0)))
        if (pending.size === 0) return
        await Promise.allSettled([...pending])
      }
    }
  })
}

/** Waits until the page has loaded and its late work is done (see `trackPendingWork`, which the page's context must have). */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load')
  await page.evaluate(() => (window as unknown as {__settled: () => Promise<void>}).__settled())
}

/**
 * After the page's next rendering update. Rows are `content-visibility: auto`: until Chromium has produced
 * a frame, it has laid out none of them, and `innerText` reads an unrendered row as empty. A test that
 * reads text right after a navigation waits for the frame a reader would see.
 */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))))
}

/** What a download holds. Read as a stream: the shared Chromium is a remote browser, whose downloads have no local path. */
export async function downloadedText(download: Download): Promise<string> {
  return text(await download.createReadStream())
}

/** What a tab from `Tabs` is asked for: per tab (viewport, scheme), or per context (the rest), which then has a context of its own. */
export type TabOptions = Pick<BrowserContextOptions, 'viewport' | 'colorScheme' | 'isMobile' | 'hasTouch' | 'javaScriptEnabled'>

/**
 * Tabs a test file takes and gives back, kept open from one test to the next. Each new context, and each new
 * tab, starts a renderer process in Chromium: 0.4 to 0.9 s of CPU, several times what loading a page costs,
 * and the suite opened more than 400. A tab is handed out at the width and in the colour scheme asked for
 * (1280×900 and light unless told), with no listener, route or print emulation left from its last test.
 * What belongs to a context (isMobile, hasTouch, javaScriptEnabled) gets a context of its own, made once.
 */
export class Tabs {
  private readonly contexts = new Map<string, Promise<BrowserContext>>()
  private readonly free = new Map<string, Page[]>()
  private readonly key = new WeakMap<Page, string>()

  constructor(private readonly browser: Browser) {}

  /** A tab at the width and in the scheme asked for, on whatever it showed last: for a test that listens before it loads. */
  async take({viewport, colorScheme = 'light', ...perContext}: TabOptions = {}): Promise<Page> {
    const key = JSON.stringify(perContext)
    const free = (this.free.get(key) ?? []).filter((tab) => !tab.isClosed())
    let page = free.shift()
    this.free.set(key, free)
    if (!page) {
      if (!this.contexts.has(key)) this.contexts.set(key, this.browser.newContext(perContext))
      page = await (await this.contexts.get(key)!).newPage()
      this.key.set(page, key)
    }
    await page.setViewportSize(viewport ?? {width: 1280, height: 900})
    await page.emulateMedia({media: 'screen', colorScheme})
    return page
  }

  /** A tab as `take` gives it, on `url`. */
  async open(url: string, options: TabOptions = {}): Promise<Page> {
    const page = await this.take(options)
    await page.goto(url)
    return page
  }

  /** Gives a tab back for the next test: what the test listened to and routed is let go. */
  async done(page: Page): Promise<void> {
    if (page.isClosed()) return
    page.removeAllListeners()
    await page.unrouteAll({behavior: 'ignoreErrors'})
    const key = this.key.get(page) ?? JSON.stringify({})
    this.free.set(key, [...(this.free.get(key) ?? []), page])
  }
}

import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {sharedSite} from './helpers/shared-sites.ts'
import {sharedBrowser, Tabs, type TabOptions} from './helpers/browser.ts'
import {serveStatic, type StaticServer} from '../scripts/shared/static-server.ts'

/** Filters that show themselves (issue 14): chips of what is filtered, ticked counts, and a notice for what the list lacks. */
const shots = join(process.cwd(), 'test-results', 'screenshots')
const base = '/Awesome-LLM-Pruning/'
const phone: TabOptions = {viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true}
let server: StaticServer
let browser: Browser
let tabs: Tabs

beforeAll(async () => {
  mkdirSync(shots, {recursive: true})
  server = await serveStatic(sharedSite('seed-project'), base)
  browser = await sharedBrowser()
  tabs = new Tabs(browser)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** A page that collects console errors (CSP violations included) and uncaught exceptions. */
async function open(path: string, options: TabOptions = {}): Promise<{page: Page; errors: string[]; close(): Promise<void>}> {
  const errors: string[] = []
  const page = await tabs.take(options)
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(server.url + path)
  return {page, errors, close: () => tabs.done(page)}
}

const chips = (page: Page) => page.locator('#filter-chips .filter-chip').allInnerTexts()
const shown = (page: Page) => page.locator('#paper-list > li:not([hidden])').count()
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '')

describe('what is filtered shows in the results bar, beside the count', () => {
  it('on a phone: two chips for /?dataset=boolq&venue=arxiv; removing one updates the list and the URL, and keeps focus in the chips', async () => {
    const {page, errors, close} = await open('?dataset=boolq&venue=arxiv', phone)
    expect(await page.locator('#result-count').innerText()).toBe('4 of 5 papers')
    // The hidden word reads "Remove Dataset: BoolQ" to a screen reader.
    expect((await chips(page)).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(['Remove Dataset: BoolQ', 'Remove Venue: arXiv'])
    expect(await page.getByRole('button', {name: 'Remove Dataset: BoolQ'}).isVisible()).toBe(true)
    // The facets are folded on a phone, yet what is ticked is in view.
    expect(await page.locator('details.facets').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false)
    await page.screenshot({path: join(shots, 'phone-filter-chips.png')})
    await page.getByRole('button', {name: 'Remove Dataset: BoolQ'}).tap()
    expect(await shown(page)).toBe(5)
    expect(new URL(page.url()).search).toBe('?venue=arxiv')
    expect(await page.locator('#result-count').innerText()).toBe('5 of 5 papers')
    expect(await focusedText(page)).toBe('Remove Venue: arXiv')
    // The last chip goes with the filter bar, and focus returns to the search box.
    await page.getByRole('button', {name: 'Remove Venue: arXiv'}).tap()
    expect(new URL(page.url()).search).toBe('')
    expect(await page.locator('#active-filters').isVisible()).toBe(false)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-q')
    // Back brings the chip back.
    await page.goBack()
    expect(await chips(page)).toHaveLength(1)
    expect(errors).toEqual([])
    await close()
  })

  it('shows the search as a chip too, and on a wide screen the chips sit above the list', async () => {
    const {page, close} = await open('?q=llama&model=llama2-7b')
    expect((await chips(page)).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(['Remove Search: llama', 'Remove Model: LLaMA2-7B'])
    const bar = (await page.locator('#active-filters').boundingBox())!
    const first = (await page.locator('#paper-list > li:not([hidden])').first().boundingBox())!
    expect(bar.y + bar.height).toBeLessThanOrEqual(first.y)
    await page.getByRole('button', {name: 'Remove Search: llama'}).click()
    expect(await page.locator('#filter-q').inputValue()).toBe('')
    expect(new URL(page.url()).search).toBe('?model=llama2-7b')
    await close()
  })

  it('on a wide screen the first filter does not move the list: its chip sits on the bar’s first line', async () => {
    const {page, close} = await open('')
    const top = () => page.locator('#paper-list').evaluate((list) => list.getBoundingClientRect().top + window.scrollY)
    const before = await top()
    await page.locator('#filter-q').fill('m')
    await page.locator('#active-filters').waitFor()
    expect(await top()).toBe(before)
    await page.locator('input[name=model][value=gemma-2b]').check()
    expect(await chips(page)).toHaveLength(2)
    expect(await top()).toBe(before)
    // The chips are beside the heading, on the bar's first line.
    const heading = (await page.locator('#papers-title').boundingBox())!
    const chip = (await page.locator('.filter-chip').first().boundingBox())!
    expect(chip.y).toBeLessThan(heading.y + heading.height)
    await close()
  })
})

describe('facet headings count what is ticked', () => {
  it('beside the facet’s name, folded or not, for the eye and for a screen reader', async () => {
    const {page, close} = await open('?model=llama2-7b&model=gemma-2b', phone)
    const summary = page.locator('details[data-facet=model] > summary')
    expect(await summary.locator('.ticked').isVisible()).toBe(false)
    await page.locator('details.facets > summary').tap()
    expect(await summary.innerText()).toMatch(/^Model\s*2/)
    expect(await summary.textContent()).toBe('Model2 selected')
    expect(await page.locator('details[data-facet=dataset] > summary .ticked').isHidden()).toBe(true)
    await summary.tap()
    await page.locator('input[name=model][value=gemma-2b]').tap()
    expect(await summary.textContent()).toBe('Model1 selected')
    await close()
  })
})

describe('values the list does not have', () => {
  it('?model=nope names the value in a notice and leaves it out of the filter', async () => {
    const {page, errors, close} = await open('?model=nope', phone)
    expect(await page.locator('#filter-notice').innerText()).toBe('Not in this list, so left out of the filter: Model “nope”.')
    expect(await page.locator('#result-count').innerText()).toBe('5 papers')
    expect(await shown(page)).toBe(5)
    // The address keeps it until the reader changes the filter; then it and the notice go.
    expect(new URL(page.url()).search).toBe('?model=nope')
    await page.screenshot({path: join(shots, 'phone-filter-unknown.png')})
    await page.locator('details.facets > summary').tap()
    await page.locator('details[data-facet=model] > summary').tap()
    await page.locator('input[name=model][value=gemma-2b]').tap()
    expect(new URL(page.url()).search).toBe('?model=gemma-2b')
    expect(await page.locator('#filter-notice').isVisible()).toBe(false)
    expect(errors).toEqual([])
    await close()
  })

  it('names each unknown value with its facet', async () => {
    const {page, close} = await open('?model=nope&dataset=boolq&dataset=nada')
    expect(await page.locator('#filter-notice').innerText()).toBe('Not in this list, so left out of the filter: Model “nope”, Dataset “nada”.')
    expect(await page.locator('#result-count').innerText()).toBe('4 of 5 papers')
    await close()
  })
})

describe('the list tools follow the filter', () => {
  it('the Benchmark matrix link carries the filters as soon as they change, before anyone clicks it', async () => {
    const {page, close} = await open('?sort=title')
    const href = () => page.locator('#matrix-link').evaluate((link) => (link as HTMLAnchorElement).pathname + (link as HTMLAnchorElement).search)
    expect(await href()).toBe(`${base}matrix/`)
    await page.locator('input[name=model][value=llama2-7b]').check()
    expect(await href()).toBe(`${base}matrix/?model=llama2-7b`)
    // LLaMaA2-13B's papers are shown already: the rows stay as they are, the address and the link do not.
    await page.locator('input[name=model][value=llamaa2-13b]').check()
    expect(await shown(page)).toBe(3)
    expect(await href()).toBe(`${base}matrix/?model=llama2-7b&model=llamaa2-13b`)
    // The search box writes the address a moment after typing stops; the link follows the address.
    await page.locator('#filter-q').fill('pruning')
    await expect.poll(href).toBe(`${base}matrix/?q=pruning&model=llama2-7b&model=llamaa2-13b`)
    await close()
  })

  it('offers no "By number" when the list is already in number order', async () => {
    const {page, close} = await open('')
    expect(await page.locator('#sort option').allInnerTexts()).toEqual(['List order', 'Newest first', 'Recently added', 'By title'])
    await close()
  })

  it('a skip link takes the keyboard past the facets to the papers', async () => {
    const {page, close} = await open('')
    await page.locator('#filter-q').focus()
    await page.keyboard.press('Tab')
    expect(await focusedText(page)).toBe('Skip the filters')
    expect(await page.locator('.skip-filters').isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('papers')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sort')
    await close()
  })
})

describe('on a phone', () => {
  for (const path of ['', '?dataset=boolq&venue=arxiv']) {
    it(`the first paper starts within the first screen (${path || 'home'})`, async () => {
      const {page, close} = await open(path, phone)
      const top = (await page.locator('#paper-list > li:not([hidden])').first().boundingBox())!.y
      expect(top).toBeLessThanOrEqual(844)
      await close()
    })
  }
})

import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {mkdtempSync, rmSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {build} from '../src/build.ts'
import {seedPath} from './helpers/seed.ts'
import {launchChromium} from './helpers/browser.ts'
import {serveStatic, type StaticServer} from './helpers/static-server.ts'

/** Screenshots are kept for people to look at (CI keeps them as artifacts). */
const shots = join(process.cwd(), 'test-results', 'screenshots')
const base = '/Awesome-LLM-Pruning/'
const tmp = mkdtempSync(join(tmpdir(), 'site-browser-'))
let server: StaticServer
let browser: Browser

beforeAll(async () => {
  mkdirSync(shots, {recursive: true})
  const result = await build({input: seedPath, out: join(tmp, 'dist'), base})
  expect(result.written).toBe(true)
  server = await serveStatic(join(tmp, 'dist'), base)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(tmp, {recursive: true, force: true})
})

async function visibleTitles(page: Page): Promise<string[]> {
  return page.locator('#paper-list > li:not([hidden]) .paper-title').allInnerTexts()
}

describe('filtering the papers in Chromium', () => {
  it('a model in the URL shows only the papers that use it', async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    await page.goto(`${server.url}?model=gemma-2b`)
    expect(await visibleTitles(page)).toEqual(['FoldGPT: Simple and Effective Large Language Model Compression Scheme'])
    expect(await page.locator('#result-count').innerText()).toBe('1 of 5 papers')
    expect(await page.locator('input[name=model][value=gemma-2b]').isChecked()).toBe(true)
    await page.screenshot({path: join(shots, 'filter-model-gemma.png'), fullPage: true})
    await page.close()
  })

  it('typing "merging" shows only "Pruning via Merging", and the URL keeps the query', async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    await page.goto(server.url)
    expect(await visibleTitles(page)).toHaveLength(5)
    await page.locator('#filter-q').pressSequentially('merging')
    expect(await visibleTitles(page)).toEqual(['Pruning via Merging: Compressing LLMs via Manifold Alignment Based Layer Merging'])
    // The URL follows the search box a moment after the last keystroke.
    await page.waitForURL((url) => url.searchParams.get('q') === 'merging', {timeout: 2000})
    await page.screenshot({path: join(shots, 'filter-search-merging.png'), fullPage: true})
    await page.locator('#filter-clear').click()
    expect(await visibleTitles(page)).toHaveLength(5)
    expect(new URL(page.url()).search).toBe('')
    await page.close()
  })

  it('combines facets (AND) and values within a facet (OR), with counts and the back button', async () => {
    const page = await browser.newPage()
    await page.goto(server.url)
    await page.locator('input[name=model][value=gemma-2b]').check()
    await page.locator('input[name=model][value=llamaa3-8b]').check()
    expect(await visibleTitles(page)).toHaveLength(2)
    await page.locator('input[name=dataset][value=race]').check()
    expect(await visibleTitles(page)).toEqual(['Pruning via Merging: Compressing LLMs via Manifold Alignment Based Layer Merging'])
    expect(new URL(page.url()).searchParams.getAll('model')).toEqual(['gemma-2b', 'llamaa3-8b'])
    // Each value shows what adding it would give: BoolQ (OR Race) brings back FoldGPT; SCIQ is FoldGPT's alone;
    // a model value counts against the dataset filter.
    const count = (value: string) => page.locator(`label:has(input[value="${value}"]) .count`).first().innerText()
    expect(await count('boolq')).toBe('2')
    expect(await count('sciq')).toBe('1')
    expect(await count('gemma-2b')).toBe('0')
    expect(await count('llama2-7b')).toBe('2')
    await page.goBack()
    expect(await visibleTitles(page)).toHaveLength(2)
    expect(await page.locator('input[name=dataset][value=race]').isChecked()).toBe(false)
    await page.goForward()
    expect(await visibleTitles(page)).toHaveLength(1)
    await page.close()
  })

  it('without JavaScript shows the whole list, and facet values are links to entity pages', async () => {
    const context = await browser.newContext({javaScriptEnabled: false})
    const page = await context.newPage()
    await page.goto(`${server.url}?model=gemma-2b`)
    expect(await page.locator('#paper-list > li').count()).toBe(5)
    expect(await page.locator('#filter-form').isVisible()).toBe(false)
    await page.locator('a.facet-value[data-value=gemma-2b]').click()
    await page.waitForURL(`${server.url}models/gemma-2b/`)
    expect(await page.locator('h1').innerText()).toBe('Gemma-2B')
    await page.screenshot({path: join(shots, 'nojs-model-page.png'), fullPage: true})
    await context.close()
  })

  it('reads well at a phone width', async () => {
    const page = await browser.newPage({viewport: {width: 390, height: 844}})
    await page.goto(`${server.url}?q=llama`)
    expect(await visibleTitles(page)).toHaveLength(4)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({path: join(shots, 'phone-home-llama.png'), fullPage: true})
    await page.close()
  })
})

describe('a long list in Chromium', () => {
  it('shows a page of rows at a time, loads more on demand, and still filters every paper', async () => {
    const {syntheticReadme} = await import('../scripts/bench/readme.ts')
    const {writeFileSync} = await import('node:fs')
    const input = join(tmp, 'long.md')
    writeFileSync(input, syntheticReadme({papers: 120, form: 'sub-bullets'}))
    const out = join(tmp, 'long')
    const result = await build({input, out, allowErrors: true, history: false} as Parameters<typeof build>[0])
    expect(result.written).toBe(true)
    const longServer = await serveStatic(out)
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    try {
      await page.goto(longServer.url)
      expect(await page.locator('#paper-list > li').count()).toBe(50)
      expect(await page.locator('#result-count').innerText()).toBe('120 papers')
      // Scrolling towards the end brings the next rows.
      await page.mouse.wheel(0, 100_000)
      await page.waitForFunction(() => document.querySelectorAll('#paper-list > li').length > 50)
      // So does the button, by keyboard.
      await page.locator('.list-more button').focus()
      await page.keyboard.press('Enter')
      await page.waitForFunction(() => document.querySelectorAll('#paper-list > li').length === 120)
      expect(await page.locator('.list-more').isVisible()).toBe(false)
      // A title from the end of the list is found by search.
      const last = await page.locator('#paper-list > li:last-child .paper-title').innerText()
      await page.locator('#filter-q').fill(last)
      expect(await page.locator('#paper-list > li .paper-title').allInnerTexts()).toContain(last)
      await page.locator('#filter-clear').focus()
      await page.keyboard.press('Enter')
      expect(await page.locator('#result-count').innerText()).toBe('120 papers')
      expect(await page.locator('#paper-list > li').count()).toBeGreaterThanOrEqual(50)
    } finally {
      await page.close()
      await longServer.close()
    }
    // Without JavaScript every paper is on the page.
    const context = await browser.newContext({javaScriptEnabled: false})
    const plain = await context.newPage()
    const again = await serveStatic(out)
    await plain.goto(again.url)
    expect(await plain.locator('#paper-list > li').count()).toBe(120)
    await context.close()
    await again.close()
  })
})

import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {parse as parseBibtex} from '@retorquere/bibtex-parser'
import {build} from '../src/build.ts'
import {parseArxivFeed} from '../src/meta/arxiv-feed.ts'
import {serializeMetaCache} from '../src/meta/cache.ts'
import {seedPath} from './helpers/seed.ts'
import {downloadedText, nextFrame, sharedBrowser, Tabs, type TabOptions} from './helpers/browser.ts'
import {serveStatic, type StaticServer} from '../scripts/shared/static-server.ts'
import {screenshotWholePage} from '../scripts/shared/screenshot.ts'

/** The researcher pages in Chromium: the seed with its arXiv metadata cached, served under a project base. */
const shots = join(process.cwd(), 'test-results', 'screenshots')
const base = '/Awesome-LLM-Pruning/'
const tmp = mkdtempSync(join(tmpdir(), 'site-researcher-browser-'))
let server: StaticServer
let browser: Browser
let tabs: Tabs

beforeAll(async () => {
  mkdirSync(shots, {recursive: true})
  const list = join(tmp, 'list')
  mkdirSync(list)
  copyFileSync(seedPath, join(list, 'README.md'))
  const answers = ['2402.02834_2403.03853', '2407.00928_2406.16330', '2402.11187'].flatMap((name) => parseArxivFeed(readFileSync(new URL(`./fixtures/arxiv/${name}.xml`, import.meta.url), 'utf8')))
  writeFileSync(join(list, 'papers.meta.json'), serializeMetaCache(new Map(answers.map((paper) => [paper.arxiv, paper]))))
  expect((await build({input: join(list, 'README.md'), out: join(tmp, 'dist'), base})).written).toBe(true)
  server = await serveStatic(join(tmp, 'dist'), base)
  browser = await sharedBrowser()
  tabs = new Tabs(browser)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(tmp, {recursive: true, force: true})
})

/** A page that records every console error (CSP violations included) and uncaught exception. */
async function open(path: string, options: TabOptions = {}): Promise<{page: Page; errors: string[]}> {
  const page = await tabs.take(options)
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(server.url + path)
  return {page, errors}
}

// innerText, as a reader sees the titles: read after a frame, once the rows are laid out (see nextFrame).
const titles = async (page: Page) => {
  await nextFrame(page)
  return page.locator('#paper-list > li:not([hidden]) .paper-title').allInnerTexts()
}

describe('the home page’s list tools', () => {
  it('sorts by date, by title and back, keeping the filters in the URL', async () => {
    const {page, errors} = await open('?model=llama2-7b')
    await page.locator('#sort').selectOption('newest')
    expect(await titles(page)).toEqual([
      'FoldGPT: Simple and Effective Large Language Model Compression Scheme',
      'Pruning via Merging: Compressing LLMs via Manifold Alignment Based Layer Merging',
      'ShortGPT:Layers in Large Language Models are More Redundant Than You Expect'
    ])
    expect(new URL(page.url()).search).toBe('?model=llama2-7b&sort=newest')
    await page.locator('input[name=model][value=gemma-2b]').check()
    expect(new URL(page.url()).searchParams.get('sort')).toBe('newest')
    await page.goto(`${server.url}?sort=title`)
    expect((await titles(page)).map((t) => t.slice(0, 12))).toEqual(['FoldGPT: Sim', 'LaCo: Large ', 'Pruning via ', 'Shortened LL', 'ShortGPT:Lay'])
    await page.locator('#sort').selectOption('')
    expect((await titles(page)).map((t) => t.slice(0, 6))).toEqual(['Shorte', 'ShortG', 'FoldGP', 'Prunin', 'LaCo: '])
    expect(errors).toEqual([])
    await tabs.done(page)
  })

  it('finds a paper by an author’s name', async () => {
    const {page} = await open('?q=zouying')
    expect(await titles(page)).toEqual(['LaCo: Large Language Model Pruning via Layer Collapse'])
    await tabs.done(page)
  })

  it('downloads the BibTeX of the papers shown, and all of papers.bib when nothing is filtered, saying how many', async () => {
    const {page, errors} = await open('?dataset=race')
    const link = page.locator('#bib-download')
    expect(await link.innerText()).toBe('Download .bib (2)')
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    const text = await downloadedText(download)
    expect(parseBibtex(text).entries.map((entry) => entry.key)).toEqual(['men2024shortgpt', 'liu2024pruning'])
    expect(download.suggestedFilename()).toBe('papers-selection.bib')
    await page.locator('#filter-clear').click()
    await expect.poll(() => link.innerText()).toBe('Download .bib (5)')
    const [all] = await Promise.all([page.waitForEvent('download'), link.click()])
    expect(all.suggestedFilename()).toBe('papers.bib')
    expect(parseBibtex(await downloadedText(all)).entries).toHaveLength(5)
    expect(errors).toEqual([])
    await tabs.done(page)
  })

  it('gives no file when the filters show no paper (it gave one holding only a newline)', async () => {
    const {page, errors} = await open('?q=zzzz')
    const link = page.locator('#bib-download')
    expect(await link.innerText()).toBe('Download .bib (0)')
    const downloads: unknown[] = []
    page.on('download', (download) => downloads.push(download))
    // The page cuts a selection from papers.bib, fetched when the link is clicked: count the fetches.
    const fetched: string[] = []
    page.on('request', (request) => void (request.url().endsWith('/papers.bib') && fetched.push(request.url())))
    await link.click()
    // Then a search that shows one paper: its file is the only one the page gives, and the only fetch.
    await page.fill('#filter-q', 'layer collapse')
    await expect.poll(() => link.innerText()).toBe('Download .bib (1)')
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    expect(parseBibtex(await downloadedText(download)).entries.map((entry) => entry.fields['title'])).toEqual(['LaCo: Large language model pruning via layer collapse'])
    expect([downloads.length, fetched.length]).toEqual([1, 1])
    expect(errors).toEqual([])
    await tabs.done(page)
  })

  it('opens the matrix narrowed to the filtered papers', async () => {
    const {page, errors} = await open('?model=llamaa2-13b&sort=title')
    await page.locator('#matrix-link').click()
    await page.waitForURL(`${server.url}matrix/?model=llamaa2-13b`)
    const rows = page.locator('#matrix-datasets tbody tr:not([hidden]) th')
    expect(await rows.allInnerTexts()).toEqual(['[2] ShortGPT', '[4] Pruning via Merging'])
    expect(await page.locator('#matrix-status').innerText()).toContain('Showing 2 of 4 papers')
    // Totals follow the rows shown, and the most used columns come first.
    const header = await page.locator('#matrix-datasets thead tr:first-child th.column-name').allInnerTexts()
    const totals = await page.locator('#matrix-datasets thead tr.totals td[data-column]').allInnerTexts()
    expect(header.slice(0, 5)).toEqual(['BoolQ', 'HellaSwag', 'PIQA', 'MMLU', 'Race'])
    expect(totals.slice(0, 6)).toEqual(['2', '2', '2', '2', '2', '1'])
    expect(await page.locator('#matrix-datasets thead td[data-column="ptb"]').innerText()).toBe('0')
    await screenshotWholePage(page, join(shots, 'matrix-filtered.png'))
    expect(errors).toEqual([])
    await tabs.done(page)
  })
})

describe('the benchmark matrix', () => {
  it('narrows to the same papers as the home page for the same search', async () => {
    const paperOf = (href: string | null) => /papers\/([^/]+)\//.exec(href ?? '')?.[1] ?? ''
    for (const query of ['boolq', 'llama2', 'merging', 'lora', 'feb 2024', 'arxiv pruning']) {
      const {page: home} = await open(`?q=${encodeURIComponent(query)}`)
      const found = await home.locator('#paper-list > li:not([hidden])').evaluateAll((rows) => rows.map((row) => row.id.replace(/^paper-/, '')))
      const {page: matrix, errors} = await open(`matrix/?q=${encodeURIComponent(query)}`)
      const all = (await matrix.locator('#matrix-datasets tbody tr th a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).map(paperOf)
      const shown = (await matrix.locator('#matrix-datasets tbody tr:not([hidden]) th a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).map(paperOf)
      // Every paper the matrix has (those with an evaluation benchmark) shows exactly when the home page shows it.
      expect(shown, query).toEqual(found.filter((id) => all.includes(id)))
      expect(shown.length, query).toBeGreaterThan(0)
      expect(errors).toEqual([])
      await tabs.done(home)
      await tabs.done(matrix)
    }
  })

  it('sorts the papers by their totals and back to the list’s order', async () => {
    const {page, errors} = await open('matrix/')
    const rows = () => page.locator('#matrix-datasets tbody tr th').allInnerTexts()
    expect(await rows()).toEqual(['[1] Shortened LLaMA', '[2] ShortGPT', '[3] FoldGPT', '[4] Pruning via Merging'])
    await page.locator('#matrix-datasets th[data-sort="total"] button').click()
    expect(await rows()).toEqual(['[2] ShortGPT', '[1] Shortened LLaMA', '[3] FoldGPT', '[4] Pruning via Merging'])
    expect(await page.locator('#matrix-datasets th[data-sort="total"]').getAttribute('aria-sort')).toBe('descending')
    await page.locator('#matrix-datasets th[data-sort="list"] button').click()
    expect(await rows()).toEqual(['[1] Shortened LLaMA', '[2] ShortGPT', '[3] FoldGPT', '[4] Pruning via Merging'])
    // A filled cell goes to its paper.
    await page.locator('#matrix-models tbody tr').nth(2).locator('td.on a').first().click()
    await page.waitForURL(`${server.url}papers/foldgpt/`)
    expect(errors).toEqual([])
    await tabs.done(page)
  })

  it('keeps its headers in view while the table scrolls, and the page itself does not scroll sideways on a phone', async () => {
    const {page} = await open('matrix/', {viewport: {width: 390, height: 700}})
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    const region = page.locator('.matrix-scroll').first()
    await region.evaluate((el) => el.scrollBy(400, 100))
    const header = await page.locator('#matrix-datasets tbody th').first().boundingBox()
    const box = await region.boundingBox()
    expect(Math.round(header!.x)).toBe(Math.round(box!.x) + 1)
    await page.screenshot({path: join(shots, 'phone-matrix-scrolled.png')})
    await tabs.done(page)
  })

  it('prints without the site’s chrome and without its scroll box', async () => {
    const {page} = await open('matrix/')
    await page.emulateMedia({media: 'print'})
    expect(await page.locator('.site-header').isVisible()).toBe(false)
    expect(await page.locator('.matrix-scroll').first().evaluate((el) => getComputedStyle(el).overflow)).toBe('visible')
    await tabs.done(page)
  })
})

describe('a paper page', () => {
  it('copies its BibTeX with one click', async () => {
    const context = await browser.newContext()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: new URL(server.url).origin})
    const page = await context.newPage()
    await page.goto(`${server.url}papers/shortgpt/`)
    await page.locator('#copy-bibtex').click()
    await expect.poll(() => page.locator('#copy-status').innerText()).toBe('Copied.')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(await page.locator('#bibtex').innerText())
    expect(parseBibtex(copied).entries[0]).toMatchObject({key: 'men2024shortgpt', fields: {eprint: '2403.03853', primaryclass: 'cs.CL'}})
    await context.close()
  })

  it('prints the paper, its abstract and its BibTeX, not the buttons and the navigation', async () => {
    const {page} = await open('papers/shortgpt/')
    await page.emulateMedia({media: 'print'})
    for (const hidden of ['.site-header', '.paper-links', '#copy-bibtex', '.related']) expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false)
    for (const shown of ['h1', '.abstract', '#bibtex', '.authors']) expect(await page.locator(shown).first().isVisible(), shown).toBe(true)
    await tabs.done(page)
  })
})

describe('the new pages render without an error, in light and dark', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`in ${scheme} mode`, async () => {
      for (const path of ['', 'matrix/', 'new/', '404.html', 'papers/shortgpt/', 'datasets/boolq/']) {
        const {page, errors} = await open(path, {colorScheme: scheme})
        expect(errors, path).toEqual([])
        expect(await page.locator('h1').count(), path).toBe(1)
        if (path === 'matrix/' || path === 'papers/shortgpt/') await screenshotWholePage(page, join(shots, `${scheme}-${path.replace(/\W+/g, '-')}.png`))
        await tabs.done(page)
      }
    })
  }
})

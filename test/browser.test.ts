import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {build} from '../src/build.ts'
import {downloadedText, sharedBrowser, Tabs} from './helpers/browser.ts'
import {scratch} from './helpers/scratch.ts'
import {sharedSite} from './helpers/shared-sites.ts'
import {recordQuality} from '../scripts/shared/quality.ts'
import {serveStatic, type StaticServer} from '../scripts/shared/static-server.ts'
import {screenshotWholePage} from '../scripts/shared/screenshot.ts'

/** Screenshots are kept for people to look at (CI keeps them as artifacts). */
const shots = join(process.cwd(), 'test-results', 'screenshots')
const base = '/Awesome-LLM-Pruning/'
const tmp = scratch('browser')
let server: StaticServer
let browser: Browser
let tabs: Tabs
const scenarios = new Set<string>()
const screenshots = new Set<string>()

/** Keeps a full-page screenshot under test-results/screenshots/ for people to look at. */
async function shoot(page: Page, name: string): Promise<void> {
  await screenshotWholePage(page, join(shots, `${name}.png`))
  screenshots.add(name)
}

beforeAll(async () => {
  mkdirSync(shots, {recursive: true})
  server = await serveStatic(sharedSite('seed-project'), base)
  browser = await sharedBrowser()
  tabs = new Tabs(browser)
})

afterAll(async () => {
  recordQuality('browser', {scenarios: scenarios.size, screenshots: screenshots.size})
  await browser?.close()
  await server?.close()
  tmp.dispose()
})

/** The state a reader sees: the titles shown, the count, the search text and the checked values. */
async function view(page: Page) {
  return {
    titles: await visibleTitles(page),
    count: await page.locator('#result-count').innerText(),
    q: await page.locator('#filter-q').inputValue(),
    checked: await page.locator('.facet input:checked').evaluateAll((boxes) => boxes.map((box) => `${(box as HTMLInputElement).name}=${(box as HTMLInputElement).value}`))
  }
}

async function visibleTitles(page: Page): Promise<string[]> {
  return page.locator('#paper-list > li:not([hidden]) .paper-title').allInnerTexts()
}

/** A browser scenario: a test whose name is counted in the quality figures. */
function scenario(name: string, run: () => Promise<void>): void {
  it(name, async () => {
    await run()
    scenarios.add(name)
  })
}

describe('filtering the papers in Chromium', () => {
  scenario('a model in the URL shows only the papers that use it', async () => {
    const page = await tabs.open(`${server.url}?model=gemma-2b`, {viewport: {width: 1280, height: 900}})
    expect(await visibleTitles(page)).toEqual(['FoldGPT: Simple and Effective Large Language Model Compression Scheme'])
    expect(await page.locator('.no-js-hint').isVisible()).toBe(false)
    expect(await page.locator('#result-count').innerText()).toBe('1 of 5 papers')
    expect(await page.locator('input[name=model][value=gemma-2b]').isChecked()).toBe(true)
    await shoot(page, 'filter-model-gemma')
    await tabs.done(page)
  })

  scenario('typing "merging" shows only "Pruning via Merging", and the URL keeps the query', async () => {
    const page = await tabs.open(server.url, {viewport: {width: 1280, height: 900}})
    expect(await visibleTitles(page)).toHaveLength(5)
    await page.locator('#filter-q').pressSequentially('merging')
    expect(await visibleTitles(page)).toEqual(['Pruning via Merging: Compressing LLMs via Manifold Alignment Based Layer Merging'])
    // The URL follows the search box a moment after the last keystroke: however long that moment takes
    // on a busy machine, only the test's own timeout limits the wait.
    await page.waitForURL((url) => url.searchParams.get('q') === 'merging', {timeout: 0})
    // The facets' counts follow at the same pause (they wait while the reader types): each value now counts
    // the one paper the search leaves, or none.
    const count = (value: string) => page.locator(`label:has(input[value="${value}"]) .count`).first().innerText()
    expect(await count('race')).toBe('1')
    expect(await count('sciq')).toBe('0')
    await shoot(page, 'filter-search-merging')
    await page.locator('#filter-clear').click()
    expect(await visibleTitles(page)).toHaveLength(5)
    expect(new URL(page.url()).search).toBe('')
    await tabs.done(page)
  })

  scenario('combines facets (AND) and values within a facet (OR), with counts and the back button', async () => {
    const page = await tabs.open(server.url)
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
    await tabs.done(page)
  })

  scenario('without JavaScript shows the whole list, and facet values are links to entity pages', async () => {
    const page = await tabs.open(`${server.url}?model=gemma-2b`, {javaScriptEnabled: false})
    expect(await page.locator('#paper-list > li').count()).toBe(5)
    expect(await page.locator('#filter-form').isVisible()).toBe(false)
    // The hint says what the facet values are without the script: links. (With it, they are checkboxes, and it goes.)
    expect(await page.locator('.no-js-hint').innerText()).toBe('Each value links to its page.')
    await page.locator('a.facet-value[data-value=gemma-2b]').click()
    await page.waitForURL(`${server.url}models/gemma-2b/`)
    expect(await page.locator('h1').innerText()).toBe('Gemma-2B')
    await shoot(page, 'nojs-model-page')
    await tabs.done(page)
  })

  scenario('reads well at a phone width', async () => {
    const page = await tabs.open(`${server.url}?q=llama`, {viewport: {width: 390, height: 844}})
    expect(await visibleTitles(page)).toHaveLength(4)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await shoot(page, 'phone-home-llama')
    await tabs.done(page)
  })

  scenario('a view built by hand, opened cold from its URL in a new tab, is the same view', async () => {
    const page = await tabs.open(server.url)
    await page.locator('#filter-q').fill('pruning')
    await page.locator('input[name=model][value=llama2-7b]').check()
    await page.locator('input[name=dataset][value=boolq]').check()
    await page.locator('input[name=dataset][value=race]').check()
    const built = await view(page)
    expect(built.titles).toEqual(['Pruning via Merging: Compressing LLMs via Manifold Alignment Based Layer Merging'])
    const cold = await browser.newPage()
    await cold.goto(page.url())
    expect(await view(cold)).toEqual(built)
    expect(await cold.locator('#filter-clear').isVisible()).toBe(true)
    await shoot(cold, 'cold-url-search-two-facets')
    await tabs.done(page)
    await cold.close()
  })

  scenario('back and forward step through each change, and Clear empties the search and every facet', async () => {
    const page = await tabs.open(server.url)
    await page.locator('input[name=model][value=llama2-7b]').check()
    const one = await view(page)
    await page.locator('input[name=method][value=cpt-lora]').check()
    const two = await view(page)
    expect(two.titles).toEqual([])
    expect(await page.locator('#no-results').isVisible()).toBe(true)
    await page.goBack()
    expect(await view(page)).toEqual(one)
    await page.goBack()
    expect((await view(page)).titles).toHaveLength(5)
    await page.goForward()
    await page.goForward()
    expect(await view(page)).toEqual(two)
    await page.locator('#filter-clear').click()
    expect(await view(page)).toEqual({titles: expect.any(Array), count: '5 papers', q: '', checked: []})
    expect((await view(page)).titles).toHaveLength(5)
    expect(new URL(page.url()).search).toBe('')
    expect(await page.locator('#filter-clear').isVisible()).toBe(false)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-q')
    // Clear is a step in history too: back brings the filters back.
    await page.goBack()
    expect(await view(page)).toEqual(two)
    await tabs.done(page)
  })

  scenario('without JavaScript, paper links lead to their pages and external links carry rel="noopener noreferrer"', async () => {
    const page = await tabs.open(server.url, {javaScriptEnabled: false})
    expect(await page.locator('#paper-list > li:visible').count()).toBe(5)
    // Every link that leaves the site, on each page visited, gives the other site no handle on this one.
    const externalRels = () => page.locator('a[href]').evaluateAll((links) => links.filter((link) => (link as HTMLAnchorElement).origin !== location.origin).map((link) => link.getAttribute('rel')))
    await page.locator('.paper-title a, a.paper-title', {hasText: 'LaCo'}).click()
    await page.waitForURL(`${server.url}papers/laco/`)
    expect(await page.locator('h1').innerText()).toBe('LaCo: Large Language Model Pruning via Layer Collapse')
    const rels = await externalRels()
    expect(rels.length).toBeGreaterThan(0)
    for (const rel of rels) expect(rel).toBe('noopener noreferrer')
    await page.locator('nav.site-nav a', {hasText: 'Datasets'}).click()
    await page.waitForURL(`${server.url}datasets/`)
    await page.locator('.entity-list a', {hasText: 'BoolQ'}).click()
    expect(await page.locator('h1').innerText()).toBe('BoolQ')
    expect(await page.locator('.paper-title a, a.paper-title').count()).toBe(4)
    for (const rel of await externalRels()) expect(rel).toBe('noopener noreferrer')
    await shoot(page, 'nojs-dataset-boolq')
    await tabs.done(page)
  })

  scenario('filters by keyboard alone: skip link, search box, facet checkboxes, Clear, with a visible focus ring', async () => {
    const page = await tabs.open(server.url, {viewport: {width: 1280, height: 900}})
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      return {id: el?.id ?? '', tag: el?.tagName.toLowerCase() ?? '', name: el?.getAttribute('name') ?? '', value: (el as HTMLInputElement | null)?.value ?? '', text: el?.textContent?.trim() ?? ''}
    })
    await page.keyboard.press('Tab')
    expect((await focused()).text).toBe('Skip to content')
    // The focus ring is drawn: an outline on the focused element.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid')
    await page.keyboard.press('Enter')
    expect((await focused()).id).toBe('main')
    for (let n = 0; n < 30 && (await focused()).id !== 'filter-q'; n++) await page.keyboard.press('Tab')
    expect((await focused()).id).toBe('filter-q')
    await page.keyboard.type('llama')
    expect(await visibleTitles(page)).toHaveLength(4)
    for (let n = 0; n < 10 && ((await focused()).tag !== 'input' || (await focused()).id === 'filter-q'); n++) await page.keyboard.press('Tab')
    const box = await focused()
    expect(box).toMatchObject({tag: 'input', name: 'model', value: 'llama2-7b'})
    // A screen reader hears the value, its count as papers, and the facet it belongs to.
    expect(await page.getByRole('group', {name: 'Model'}).getByRole('checkbox', {name: /^LLaMA2-7B ?, 3 papers$/}).count()).toBe(1)
    expect(await page.getByRole('group', {name: 'Dataset'}).getByRole('checkbox', {name: /^BoolQ ?\(Evaluation\) ?, 4 papers$/}).count()).toBe(1)
    await page.keyboard.press('Space')
    expect(await visibleTitles(page)).toHaveLength(3)
    // Counts follow the filter, in words too.
    expect(await page.getByRole('checkbox', {name: /^Gemma-2B ?, 1 paper$/}).count()).toBe(1)
    expect(new URL(page.url()).searchParams.getAll('model')).toEqual(['llama2-7b'])
    await shoot(page, 'keyboard-llama-llama2-7b')
    // Shift+Tab back to the facet's summary, which says how many of its values are ticked; Enter folds it away; the filter stays.
    await page.keyboard.press('Shift+Tab')
    expect((await focused()).text).toBe('Model1 selected')
    await page.keyboard.press('Enter')
    expect(await page.locator('details[data-facet=model]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false)
    expect(await visibleTitles(page)).toHaveLength(3)
    for (let n = 0; n < 40 && (await focused()).id !== 'filter-clear'; n++) await page.keyboard.press('Tab')
    expect((await focused()).id).toBe('filter-clear')
    await page.keyboard.press('Enter')
    expect(await visibleTitles(page)).toHaveLength(5)
    expect((await focused()).id).toBe('filter-q')
    await tabs.done(page)
  })

  scenario('follows a dark colour scheme: dark surfaces, light text, screenshots of each page type', async () => {
    const page = await tabs.take({viewport: {width: 1280, height: 900}, colorScheme: 'dark'})
    const luminance = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    for (const [path, name] of [['?model=llama2-7b', 'dark-home-filtered'], ['papers/shortgpt/', 'dark-paper'], ['models/', 'dark-models']] as const) {
      await page.goto(server.url + path)
      const colours = await page.evaluate(() => ({
        body: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
        card: getComputedStyle(document.querySelector('.paper article, .group, main > .entity-list') ?? document.body).backgroundColor
      }))
      expect(luminance(colours.body)).toBeLessThan(0.05)
      expect(luminance(colours.card)).toBeLessThan(0.05)
      expect(luminance(colours.text)).toBeGreaterThan(0.6)
      await shoot(page, name)
    }
    const light = await tabs.open(server.url, {colorScheme: 'light'})
    expect(luminance(await light.evaluate(() => getComputedStyle(document.body).backgroundColor))).toBeGreaterThan(0.8)
    await shoot(light, 'light-home')
    await tabs.done(light)
    await tabs.done(page)
  })

  scenario('on a phone (390×844) the facets start folded, open with a tap, and nothing scrolls sideways', async () => {
    const page = await tabs.take({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true})
    for (const path of ['', 'papers/shortened-llama/', 'models/', 'datasets/', 'tools/', 'models/llama2-7b/']) {
      await page.goto(server.url + path)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, path).toBeLessThanOrEqual(0)
    }
    await page.goto(server.url)
    expect(await page.locator('details.facet[open]').count()).toBe(0)
    await page.locator('details.facets > summary').tap()
    await page.locator('details[data-facet=dataset] summary').tap()
    await page.locator('label.facet-value', {hasText: 'SCIQ'}).tap()
    expect(await visibleTitles(page)).toEqual(['FoldGPT: Simple and Effective Large Language Model Compression Scheme'])
    await shoot(page, 'phone-home-sciq')
    await page.goto(server.url + 'papers/shortened-llama/')
    await shoot(page, 'phone-paper')
    await tabs.done(page)
  })
})

describe('long names without a break point, on a phone', () => {
  it('wrap inside the page: headings, chips, related papers; nothing scrolls sideways', async () => {
    const {writeFileSync} = await import('node:fs')
    const dataset = 'hendrycksTest_abstract_algebra_high_school_macroeconomics_professional'
    const model = 'Meta-Llama-3.1-405B-Instruct-Turbo-FP8-Dynamic-Quantized-Experimental'
    const input = join(tmp.dir, 'long-names.md')
    writeFileSync(input, `# List\n\n## Papers\n- [1] Pruning_with_an_extraordinarily_long_identifier_in_its_title_that_never_breaks\n  Arxiv, [Paper](https://arxiv.org/abs/2401.00001)\n- [2] Another Paper\n  Arxiv, [Paper](https://arxiv.org/abs/2401.00002)\n\n## Models\n| Name | Paper |\n|------|-------|\n| ${model} | [1], [2] |\n\n## Datasets\n### For Evaluation\n| Name | Paper |\n|------|-------|\n| ${dataset} | [1], [2] |\n`)
    const out = join(tmp.dir, 'long-names')
    expect((await build({input, out, history: false})).written).toBe(true)
    const longServer = await serveStatic(out)
    const page = await tabs.take({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true})
    try {
      const paths = ['', 'papers/another-paper/', 'matrix/', 'models/', 'datasets/']
      const links = await (await page.goto(longServer.url + 'papers/another-paper/'), page.locator('a.chip').evaluateAll((all) => all.map((a) => a.getAttribute('href')!)))
      for (const path of [...paths, ...links.map((href) => href.replace(/^\//, ''))]) {
        await page.goto(longServer.url + path)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        expect(overflow, path || 'home').toBeLessThanOrEqual(0)
      }
      // "Papers that use …" is one heading that wraps, not two columns.
      await page.goto(longServer.url + links.find((href) => href.includes('/datasets/'))!.replace(/^\//, ''))
      expect(await page.locator('#papers-title').evaluate((h2) => getComputedStyle(h2).display)).toBe('block')
      await shoot(page, 'phone-long-names')
    } finally {
      await tabs.done(page)
      await longServer.close()
    }
  })
})

/** A list of `papers` synthetic papers in the sub-bullet form, built into a folder of its own: its path. */
async function longList(name: string, papers: number): Promise<string> {
  const {syntheticReadme} = await import('../scripts/bench/readme.ts')
  const {writeFileSync} = await import('node:fs')
  const input = join(tmp.dir, `${name}.md`)
  writeFileSync(input, syntheticReadme({papers, form: 'sub-bullets'}))
  const out = join(tmp.dir, name)
  const result = await build({input, out, allowErrors: true, history: false} as Parameters<typeof build>[0])
  expect(result.written).toBe(true)
  return out
}

describe('a long list in Chromium', () => {
  it('shows a page of rows at a time, loads more on demand, and still filters every paper', async () => {
    const out = await longList('long', 120)
    const longServer = await serveStatic(out)
    const page = await tabs.take({viewport: {width: 1280, height: 900}})
    try {
      await page.goto(longServer.url)
      expect(await page.locator('#paper-list > li').count()).toBe(20)
      expect(await page.locator('#result-count').innerText()).toBe('120 papers')
      // Scrolling towards the end brings the next rows.
      await page.mouse.wheel(0, 100_000)
      await page.waitForFunction(() => document.querySelectorAll('#paper-list > li').length > 20)
      // So does the button, by keyboard.
      await page.locator('.list-more button').focus()
      const before = await page.locator('#paper-list > li').count()
      await page.keyboard.press('Enter')
      await page.waitForFunction(() => document.querySelectorAll('#paper-list > li').length === 120)
      expect(await page.locator('.list-more').isVisible()).toBe(false)
      // The button went away with the last rows; focus went on to the first new paper, not to the page.
      expect(await page.evaluate((n) => document.activeElement === document.querySelectorAll('#paper-list > li')[n]?.querySelector('a'), before)).toBe(true)
      // A title from the end of the list is found by search.
      // textContent, not innerText: the last card is below the fold, not laid out, and its innerText is ''.
      const last = (await page.locator('#paper-list > li:last-child .paper-title').textContent())!.trim()
      expect(last).not.toBe('')
      await page.locator('#filter-q').fill(last)
      expect(await page.locator('#paper-list > li .paper-title').allInnerTexts()).toContain(last)
      // The cards that may be in view are laid out at once (class `top`, style.css), and only they, at most eight: a
      // change that moves a card already on the page into view has it drawn in the same frame. Here the last paper
      // is one of them. Which cards are in view is read at the start of the next frame.
      const laidOut = () =>
        page.evaluate(
          () =>
            new Promise<Array<{top: boolean; drawn: boolean; inView: boolean}>>((resolve) =>
              requestAnimationFrame(() =>
                resolve(
                  Array.from(document.querySelectorAll('#paper-list > li'), (row) => ({
                    top: row.classList.contains('top'),
                    drawn: row.querySelector('article')!.checkVisibility({contentVisibilityAuto: true}),
                    inView: row.getBoundingClientRect().top < innerHeight
                  }))
                )
              )
            )
        )
      const inView = (cards: Array<{top: boolean; drawn: boolean; inView: boolean}>) => {
        const seen = cards.filter((card) => card.inView)
        expect(seen.length).toBeGreaterThan(0)
        expect(seen.every((card) => card.top && card.drawn)).toBe(true)
        return cards.filter((card) => card.top).length
      }
      expect(inView(await laidOut())).toBe(1)
      expect(await page.locator('#paper-list > li.top .paper-title').allInnerTexts()).toContain(last)
      await page.locator('#filter-clear').focus()
      await page.keyboard.press('Enter')
      expect(await page.locator('#result-count').innerText()).toBe('120 papers')
      expect(await page.locator('#paper-list > li').count()).toBeGreaterThanOrEqual(20)
      // The list starts about 400 px down a 900 px window: two or three cards are in view, not the eight the page marked.
      const marked = inView(await laidOut())
      expect(marked).toBeGreaterThan(1)
      expect(marked).toBeLessThan(8)
      // While a search is typed, the papers stay where they are: the count's digits and the link's number change,
      // and the tools beside them wrapped and unwrapped with that (at "m", every paper matched).
      await page.evaluate(() => scrollTo(0, 0))
      await page.locator('#filter-q').focus()
      const tops: number[] = []
      for (const key of 'merging llama') {
        await page.keyboard.press(key)
        tops.push(await page.locator('#paper-list').evaluate((list) => list.getBoundingClientRect().top))
      }
      expect(await page.locator('#result-count').innerText()).not.toBe('120 of 120 papers')
      expect(tops).toEqual(tops.map(() => tops[0]))
      // The tools have their own line, under the count, whatever its width.
      const count = (await page.locator('#result-count').boundingBox())!
      expect((await page.locator('.list-tools').boundingBox())!.y).toBeGreaterThanOrEqual(count.y + count.height)
      // Back to "me", more than a page. While a word is typed only the rows on the page are marked hidden or not; the
      // rest are marked when the typing pauses (as the address is written). The .bib download, which follows `hidden`,
      // then gives the papers the filter shows, those not on the page too.
      for (let n = 0; n < 'rging llama'.length; n++) await page.keyboard.press('Backspace')
      await page.waitForURL(/[?&]q=me$/)
      const shown = Number(/^(\d+) of 120 papers$/.exec(await page.locator('#result-count').innerText())?.[1])
      expect(shown).toBeGreaterThan(20)
      expect(shown).toBeLessThan(120)
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#bib-download').click()])
      expect((await downloadedText(download)).match(/^@/gm)).toHaveLength(shown)
      // A card a change puts below the fold is laid out a frame later (class `wait`, style.css), then as Chromium finds it near the window.
      await page.waitForFunction(() => !document.querySelector('#paper-list > .wait'))
      await page.mouse.wheel(0, 100_000)
      await page.waitForFunction(() => document.querySelector('#paper-list > li:last-child article')!.checkVisibility({contentVisibilityAuto: true}))
    } finally {
      await tabs.done(page)
      await longServer.close()
    }
    // Without JavaScript every paper is on the page.
    const again = await serveStatic(out)
    const plain = await tabs.open(again.url, {javaScriptEnabled: false})
    expect(await plain.locator('#paper-list > li').count()).toBe(120)
    await tabs.done(plain)
    await again.close()
  })

  it('follows a link to a card past the first page, at load and within the page, and scrolls to the card', async () => {
    const {readFileSync} = await import('node:fs')
    const out = await longList('anchors', 120)
    const html = readFileSync(join(out, 'index.html'), 'utf8')
    const cards = [...html.matchAll(/<li class="paper[^"]*" id="([^"]+)"/g)].map((match) => match[1]!)
    // Each section's anchor, with the index of the card it sits in.
    const sections = html.split('<li class="paper').slice(1).flatMap((card, n) => [...card.matchAll(/<span class="anchor" id="([^"]+)"/g)].map((match) => ({id: match[1]!, card: n})))
    expect(cards).toHaveLength(120)
    const longServer = await serveStatic(out)
    const page = await tabs.take({viewport: {width: 1280, height: 900}})
    // The element the fragment names, once the page has settled (no card waiting to be laid out): at the window's
    // top, drawn, and where the reader scrolled it, two frames later.
    const scrolledTo = async (id: string) => {
      await page.waitForFunction(() => !document.querySelector('#paper-list > .wait'))
      return page.evaluate(
        (id) =>
          new Promise<{top: number | null; drawn: boolean}>((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const target = document.getElementById(id)
                resolve({top: target && (Math.round(target.getBoundingClientRect().top) || 0), drawn: !!target?.closest('li')?.querySelector('article')?.checkVisibility({contentVisibilityAuto: true})})
              })
            )
          ),
        id
      )
    }
    try {
      // A shared link to the 91st paper: the pager shows 20 at first, and would leave it out of the document.
      await page.goto(`${longServer.url}#${cards[90]}`)
      await page.waitForFunction((id) => document.getElementById(id) !== null, cards[90]!, {timeout: 30_000})
      expect(await scrolledTo(cards[90]!)).toEqual({top: 0, drawn: true})
      // Back to an address with the same fragment fires no hashchange: a filter ticked, then undone by Back.
      await page.locator('.facet input').first().check()
      await page.waitForURL(/\?/)
      await page.goBack()
      await page.waitForFunction((id) => document.getElementById(id) !== null, cards[90]!, {timeout: 30_000})
      expect(await scrolledTo(cards[90]!)).toEqual({top: 0, drawn: true})
      // Within the page (another fragment, as a link or the address bar gives it): a section's anchor, which sits
      // in its first card, then a card further down. Back goes to the section again.
      await page.goto(longServer.url)
      const section = sections.find((anchor) => anchor.card >= 20)!
      const further = cards[section.card + 20]!
      expect(await page.locator(`#${section.id}`).count()).toBe(0)
      await page.goto(`${longServer.url}#${section.id}`)
      const anchor = await scrolledTo(section.id)
      expect(anchor.drawn).toBe(true)
      // The anchor sits 1rem above its card (style.css: .anchor); the window scrolled to it.
      expect(Math.abs(anchor.top!)).toBeLessThanOrEqual(16)
      expect(await page.locator(`#${further}`).count()).toBe(0)
      await page.goto(`${longServer.url}#${further}`)
      expect(await scrolledTo(further)).toEqual({top: 0, drawn: true})
      await page.goBack()
      expect(Math.abs((await scrolledTo(section.id)).top!)).toBeLessThanOrEqual(16)
      // A card the filter hides is not shown by its link: the filter stands, and nothing fails.
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(`${longServer.url}?q=${encodeURIComponent('no paper has this')}#${cards[90]}`)
      await page.waitForFunction(() => document.getElementById('result-count')?.textContent?.startsWith('0 of'))
      expect(await page.locator(`#${cards[90]}:not([hidden])`).count()).toBe(0)
      expect(errors).toEqual([])
    } finally {
      await tabs.done(page)
      await longServer.close()
    }
  })

  it('finds papers by the summaries it fetches for a long list, whatever order the list is sorted in', async () => {
    const {readFileSync} = await import('node:fs')
    const out = await longList('longer', 1100)
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as {papers: Array<{id: string; summary: string | null}>}
    const query = graph.papers[700]!.summary!
    const expected = graph.papers.filter((paper) => paper.summary?.toLowerCase().includes(query.toLowerCase())).map((paper) => paper.id).sort()
    const longServer = await serveStatic(out)
    const page = await tabs.take({viewport: {width: 1280, height: 900}})
    try {
      for (const sort of ['', 'title', 'newest']) {
        await page.goto(`${longServer.url}?${new URLSearchParams({...(sort ? {sort} : {}), q: query})}`)
        // The summaries arrive with summaries.json, after the first render.
        await page.waitForFunction((count) => document.querySelectorAll('#paper-list > li:not([hidden])').length === count, expected.length)
        const shown = await page.locator('#paper-list > li:not([hidden])').evaluateAll((rows) => rows.map((row) => row.id.replace(/^paper-/, '')))
        expect(shown.sort(), `sort=${sort}`).toEqual(expected)
      }
      // Fetched once, at the first keystroke, however many follow.
      const fetched: string[] = []
      page.on('request', (request) => request.url().includes('summaries') && fetched.push(request.url()))
      await page.goto(longServer.url)
      await page.locator('#filter-q').pressSequentially(query.slice(0, 12))
      await expect.poll(() => fetched.length).toBe(1)
      await page.keyboard.press('Backspace')
      await page.keyboard.press('Backspace')
      await page.waitForLoadState('networkidle')
      expect(fetched).toHaveLength(1)
    } finally {
      await tabs.done(page)
      await longServer.close()
    }
  })
})

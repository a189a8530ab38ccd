import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Browser, Page} from 'playwright-core'
import {sharedBrowser, Tabs, type TabOptions} from './helpers/browser.ts'
import {serveStatic, type StaticServer} from '../scripts/shared/static-server.ts'
import {pages} from './helpers/links.ts'
import {sharedSite} from './helpers/shared-sites.ts'
import {runAxe, type AxeFinding} from './helpers/axe.ts'
import {recordQuality} from '../scripts/shared/quality.ts'

/**
 * axe-core in Chromium on every page type, in the light and the dark colour scheme, at desktop and
 * phone widths, with and without JavaScript, and with filters applied (their counts and dimmed values).
 */
const base = '/Awesome-LLM-Pruning/'
const servers: Record<'seed' | 'rich', StaticServer | undefined> = {seed: undefined, rich: undefined}
const paths: Record<'seed' | 'rich', string[]> = {seed: [], rich: []}
let browser: Browser
let tabs: Tabs
let checked = 0
let violations = 0
let incomplete = 0

beforeAll(async () => {
  for (const name of ['seed', 'rich'] as const) {
    // The `-full` build: its pages carry the edit link and the canonical address too.
    const out = sharedSite(`${name}-project-full`)
    paths[name] = pages(out, base).map((page) => page.path.slice(base.length))
    servers[name] = await serveStatic(out, base)
  }
  browser = await sharedBrowser()
  tabs = new Tabs(browser)
})

afterAll(async () => {
  recordQuality('accessibility', {'pages checked': checked, 'violations found': violations, 'needs review (axe incomplete)': incomplete, rules: 'WCAG 2.1 A and AA, best practices'})
  await browser?.close()
  for (const server of Object.values(servers)) await server?.close()
})

/** One representative page of each page type of the seed. */
const seedPageTypes = ['', 'models/', 'datasets/', 'methods/', 'tools/', 'papers/shortened-llama/', 'models/gemma-2b/', 'datasets/boolq/', 'methods/cpt-lora/']

type Scheme = 'light' | 'dark'
type Findings = Record<string, AxeFinding[]>

/**
 * Checks pages in two tabs at one viewport, each page in every scheme asked for; scripts can be
 * blocked to see the page as it is without JavaScript. A page is loaded, and axe put in it, once: the scheme
 * is then switched in place (it is CSS only, `prefers-color-scheme`), and axe run again.
 */
async function check(site: 'seed' | 'rich', list: string[], schemes: readonly Scheme[], options: TabOptions & {noScript?: boolean} = {}): Promise<Record<Scheme, Findings>> {
  const {noScript, ...tabOptions} = options
  const found: Record<Scheme, Findings> = {light: {}, dark: {}}
  // Two tabs at once, each taking the next page when it is done with one.
  const pages = await Promise.all([tabs.take(tabOptions), tabs.take(tabOptions)])
  // Without our script the page is exactly what a reader without JavaScript gets (the site has no <noscript>).
  if (noScript) for (const page of pages) await page.route('**/*.js', (route) => route.abort())
  let next = 0
  await Promise.all(pages.map(async (page) => {
    for (let path = list[next++]; path !== undefined; path = list[next++]) await checkPage(page, path)
    await tabs.done(page)
  }))
  return found

  async function checkPage(page: Page, path: string): Promise<void> {
    await page.goto(servers[site]!.url + path)
    for (const scheme of schemes) {
      await page.emulateMedia({colorScheme: scheme})
      // Every rule in the first scheme; in the next, those a scheme can change (the page is the same but for its colours).
      const result = await runAxe(page, {coloursOnly: scheme !== schemes[0]})
      checked++
      violations += result.violations.length
      incomplete += result.incomplete.length
      // Contrast axe could not decide (text over an image, a gradient) fails too; one- or two-character
      // labels (the chart's axis numbers) it skips by design, and they stay counted as needing review.
      const undecided = result.incomplete.filter((finding) => finding.rule === 'color-contrast' && !finding.summary.includes('too short'))
      const problems = [...result.violations, ...undecided]
      if (problems.length > 0) found[scheme][`/${path}`] = problems
    }
  }
}


/** Each check in both schemes, run once for the two tests (light, dark) that assert on it. */
const bothSchemes = new Map<string, Promise<Record<Scheme, Findings>>>()
function checkBoth(key: string, run: (schemes: readonly Scheme[]) => Promise<Record<Scheme, Findings>>): Promise<Record<Scheme, Findings>> {
  if (!bothSchemes.has(key)) bothSchemes.set(key, run(['light', 'dark']))
  return bothSchemes.get(key)!
}

describe('axe-core finds no violation', () => {
  it('reports violations when there are some (the check is live)', async () => {
    const page = await browser.newPage()
    await page.goto(servers.seed!.url)
    await page.evaluate(() => {
      const faint = document.createElement('p')
      faint.textContent = 'Barely readable'
      faint.style.color = '#ddd'
      faint.style.background = '#fff'
      document.querySelector('main')!.append(faint, document.createElement('img'))
    })
    const result = await runAxe(page)
    expect(result.violations.map((v) => v.rule)).toEqual(expect.arrayContaining(['color-contrast', 'image-alt']))
    await page.close()
  })

  for (const scheme of ['light', 'dark'] as const) {
    it(`on any page of the rich fixture, ${scheme} scheme`, async () => {
      expect(paths.rich.length).toBeGreaterThan(10)
      expect((await checkBoth('rich', (schemes) => check('rich', paths.rich, schemes)))[scheme]).toEqual({})
    })

    it(`on every page type of the seed, ${scheme} scheme`, async () => {
      for (const path of seedPageTypes) expect(paths.seed).toContain(path)
      expect((await checkBoth('seed', (schemes) => check('seed', seedPageTypes, schemes)))[scheme]).toEqual({})
    })

    it(`on the home page with filters applied, and at a phone width, ${scheme} scheme`, async () => {
      expect((await checkBoth('filters', (schemes) => check('seed', ['?model=gemma-2b&dataset=boolq&q=fold', '?q=no-such-paper'], schemes)))[scheme]).toEqual({})
      const phone = {viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true}
      expect((await checkBoth('phone', (schemes) => check('seed', ['', 'papers/shortened-llama/', 'models/'], schemes, phone)))[scheme]).toEqual({})
    })
  }

  it('on the pages as they are without JavaScript', async () => {
    expect((await check('seed', [''], ['light'], {noScript: true})).light).toEqual({})
    expect((await check('rich', [''], ['dark'], {noScript: true})).dark).toEqual({})
  })
})

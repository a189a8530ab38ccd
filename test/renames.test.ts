import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Browser} from 'playwright-core'
import {build} from '../src/build.ts'
import {committedVersions, renamesAcross} from '../src/history/renames.ts'
import {analyzeText, seedSource} from './helpers/seed.ts'
import {scratch} from './helpers/scratch.ts'
import {scriptedRepo} from './helpers/git-repo.ts'
import {crawl, pages} from './helpers/links.ts'
import {validatePages} from './helpers/validate-html.ts'
import {sharedBrowser} from './helpers/browser.ts'
import {serveStatic, type StaticServer} from '../scripts/shared/static-server.ts'

/**
 * URLs that outlive renames (issue 14). A two-commit repository: the list as the seed has it, then a
 * commit that fixes the model `LLaMaA2-13B` to `LLaMA2-13B`, retitles "Pruning via Merging" to
 * "Pruning by Merging" and moves README.md to content/README.md.
 */
const tmp = scratch('renames')
const base = '/Awesome-LLM-Pruning/'
const siteUrl = 'https://lab.example.org'
const renamed = seedSource.replace('| LLaMaA2-13B      |', '| LLaMA2-13B       |').replace('Pruning via Merging:', 'Pruning by Merging:')
let out: string
let server: StaticServer
let browser: Browser

beforeAll(async () => {
  expect(renamed).not.toBe(seedSource)
  const repo = scriptedRepo(
    [
      {date: '2024-05-01T10:00:00Z', files: {'README.md': seedSource}},
      {date: '2024-06-01T10:00:00Z', rename: ['README.md', 'content/README.md'], files: {'content/README.md': renamed}}
    ],
    join(tmp.dir, 'repo')
  )
  out = join(tmp.dir, 'site')
  expect((await build({input: join(repo, 'content/README.md'), out, base, siteUrl})).written).toBe(true)
  server = await serveStatic(out, base)
  browser = await sharedBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  tmp.dispose()
})

const read = (path: string) => readFileSync(join(out, path), 'utf8')

describe('the old address of a renamed page', () => {
  it('is a redirect page: meta refresh, the new page as canonical, a visible link, and noindex', () => {
    const html = read('models/llamaa2-13b/index.html')
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${base}models/llama2-13b/">`)
    expect(html).toContain(`<link rel="canonical" href="${siteUrl}${base}models/llama2-13b/">`)
    expect(html).toContain('<meta name="robots" content="noindex">')
    expect(html).toMatch(new RegExp(`<a href="${base}models/llama2-13b/" dir="auto">LLaMA2-13B</a>`))
    const paper = read('papers/pruning-via-merging/index.html')
    expect(paper).toContain(`<meta http-equiv="refresh" content="0; url=${base}papers/pruning-by-merging/">`)
    // The new pages are the real ones.
    expect(read('models/llama2-13b/index.html')).not.toContain('http-equiv="refresh"')
  })

  it('is left out of the sitemap, which lists the new address', () => {
    const sitemap = read('sitemap.xml')
    expect(sitemap).not.toContain('llamaa2-13b')
    expect(sitemap).not.toContain('pruning-via-merging')
    expect(sitemap).toContain(`<loc>${siteUrl}${base}models/llama2-13b/</loc>`)
    expect(sitemap).toContain(`<loc>${siteUrl}${base}papers/pruning-by-merging/</loc>`)
  })

  it('passes the validator and the link crawler; only redirects are pages no link leads to', async () => {
    const redirects = pages(out, base).filter((page) => page.html.includes('http-equiv="refresh"'))
    expect(redirects.map((page) => page.path).sort()).toEqual([`${base}models/llamaa2-13b/`, `${base}papers/pruning-via-merging/`])
    expect(await validatePages(redirects)).toEqual([])
    const result = crawl(out, base)
    expect(result.broken).toEqual([])
    expect(result.unreachable.sort()).toEqual(redirects.map((page) => page.path).sort())
  })

  it('takes a browser to the new page', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}models/llamaa2-13b/`)
    await page.waitForURL(`${server.url}models/llama2-13b/`)
    expect(await page.locator('h1').innerText()).toBe('LLaMA2-13B')
    await page.close()
  })

  it('a shared filter link with the old id selects the renamed model, and the address is brought up to date', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${server.url}?model=llamaa2-13b`)
    expect(await page.locator('input[name=model][value=llama2-13b]').isChecked()).toBe(true)
    expect(await page.locator('#paper-list > li:not([hidden]) .paper-title').allInnerTexts()).toEqual([
      'ShortGPT:Layers in Large Language Models are More Redundant Than You Expect',
      'Pruning by Merging: Compressing LLMs via Manifold Alignment Based Layer Merging'
    ])
    expect(await page.locator('#filter-notice').isVisible()).toBe(false)
    expect((await page.locator('.filter-chip').innerText()).replace(/\s+/g, ' ').trim()).toBe('Remove Model: LLaMA2-13B')
    expect(new URL(page.url()).search).toBe('?model=llama2-13b')
    expect(errors).toEqual([])
    await page.close()
  })

  it('a build of the committed README compares it with the commit before, not with itself: the same renames', async () => {
    const readme = join(tmp.dir, 'repo', 'content/README.md')
    const now = analyzeText(renamed).graph!
    const all = await committedVersions(readme)
    const skipped = await committedVersions(readme, renamed)
    // The newest commit's text is the README's, so it is not parsed again; the renames are what they were.
    expect(skipped).toHaveLength(all.length - 1)
    expect(renamesAcross([...skipped, now])).toEqual(renamesAcross([...all, now]))
    expect(Object.fromEntries(renamesAcross([...skipped, now]).model)).toEqual({'llamaa2-13b': 'llama2-13b'})
    // An uncommitted edit keeps every version.
    expect(await committedVersions(readme, `${renamed}\n`)).toHaveLength(all.length)
  })

  it('without history, nothing is invented: no redirect pages', async () => {
    const plain = join(tmp.dir, 'plain')
    expect((await build({input: join(tmp.dir, 'repo', 'content/README.md'), out: plain, base, history: false})).written).toBe(true)
    expect(existsSync(join(plain, 'models/llamaa2-13b'))).toBe(false)
    expect(pages(plain, base).some((page) => page.html.includes('http-equiv="refresh"'))).toBe(false)
  })
})

describe('following ids across versions', () => {
  const version = (text: string) => analyzeText(text).graph!
  const models = (text: string) => version(seedSource.replace('| LLaMaA2-13B      |', `| ${text} |`))

  it('follows a name changed twice to today’s, and forgets an address that is in use again', () => {
    const chain = renamesAcross([version(seedSource), models('LLaMA2-13B'), models('Llama-2-13B')])
    expect(Object.fromEntries(chain.model)).toEqual({'llamaa2-13b': 'llama-2-13b', 'llama2-13b': 'llama-2-13b'})
    const back = renamesAcross([version(seedSource), models('LLaMA2-13B'), version(seedSource)])
    expect(Object.fromEntries(back.model)).toEqual({'llama2-13b': 'llamaa2-13b'})
  })

  it('matches a row by its place and its papers, not a row that was removed while another was added', () => {
    // LLaMaA2-13B removed; a new row with other papers added elsewhere: no rename.
    const swapped = seedSource.replace('| LLaMaA2-13B      | [2],[4]    |\n', '').replace('| Baichuan2-7B   |', '| Qwen-7B | [1] |\n| Baichuan2-7B   |')
    expect(swapped).not.toBe(seedSource)
    expect(renamesAcross([version(seedSource), version(swapped)]).model.size).toBe(0)
  })

  it('matches a paper by its arXiv id whatever its title becomes', () => {
    const retitled = seedSource.replace('[5] LaCo: Large Language Model Pruning via Layer Collapse', '[5] Layer Collapse: Pruning Large Language Models')
    expect(Object.fromEntries(renamesAcross([version(seedSource), version(retitled)]).paper)).toEqual({laco: 'layer-collapse'})
  })
})

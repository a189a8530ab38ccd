import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from '../src/build.ts'
import {brokenLinks} from './helpers/links.ts'
import {nextFrame, sharedBrowser} from './helpers/browser.ts'
import {serveStatic} from '../scripts/shared/static-server.ts'

/**
 * A README that mixes every entry form contributors write (issue 3, point 1): the seed form with sub-bullets,
 * `- Publication:` sub-bullets, unnumbered `- []` and `- [ ]` entries, subsections of Papers with a describing
 * blockquote and numbering that restarts, links to many venues with any label, tools as a bullet list,
 * and sections the graph does not model. It must build, and lose nothing.
 */
const input = fileURLToPath(new URL('fixtures/forms/README.md', import.meta.url))
const source = readFileSync(input, 'utf8')
const tmp = mkdtempSync(join(tmpdir(), 'site-forms-'))
const out = join(tmp, 'dist')
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

interface GraphJson {
  sections: Array<{id: string; title: string; parent: string | null; description: string | null; papers: string[]}>
  papers: Array<{id: string; number: number | null; title: string; page: string; section: string; venue: string; venueId: string | null; venueName: string; venueYear: number | null; track: string | null; preprint: boolean; year: number | null; labels: string[]; summary: string | null; links: Array<{label: string; href: string}>; line: number}>
  labels: Array<{id: string; name: string; page: string; papers: string[]}>
  venues: Array<{id: string; name: string; page: string; papers: string[]}>
  years: Array<{year: number; page: string; papers: string[]}>
  tools: Array<{name: string; href: string}>
}
let graph: GraphJson
let messages: string[]

beforeAll(async () => {
  const result = await build({input, out, base: '/'})
  messages = result.files.flatMap((file) => file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`))
  expect(result.written).toBe(true)
  graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'))
})

describe('a README in every form', () => {
  it('builds without an error', () => {
    expect(messages.filter((m) => m.includes(' error '))).toEqual([])
  })

  it('puts every entry in graph.json, in order, at its line: nothing is lost', () => {
    const entryLines = source.split('\n').flatMap((line, n) => (/^- \[[\d ]*\] /.test(line) ? [n + 1] : []))
    expect(entryLines).toHaveLength(14)
    expect(graph.papers.map((paper) => paper.line)).toEqual(entryLines)
  })

  it('gives each entry its section, number, venue, year, labels and summary', () => {
    const row = (p: GraphJson['papers'][number]) => [p.section, p.number, p.venueName, p.venueYear, p.track, p.preprint, p.labels.join(' '), p.summary?.slice(0, 24) ?? null]
    expect(graph.papers.map(row)).toEqual([
      ['survey', 1, 'TACL', 2024, null, false, 'survey', 'Reviews pruning, quantiz'],
      ['survey', null, 'Transactions on Machine Learning Research', null, null, false, 'survey efficiency', null],
      ['unstructured-pruning', 1, 'ICML', 2023, null, false, 'loss-based-pruning n-m-sparsity', 'Prunes GPT-family models'],
      ['unstructured-pruning', 2, 'ICLR', 2024, null, false, 'magnitude-based-pruning', 'Wanda scores each weight'],
      ['unstructured-pruning', null, 'ICML', 2024, 'Workshop', false, '', null],
      ['structured-pruning', 1, 'NeurIPS', 2024, null, false, 'structure-pruning dependency-graph', null],
      ['structured-pruning', 2, 'ACL', 2024, 'Findings', false, '', 'Learns pruning decisions'],
      ['structured-pruning', 3, 'NAACL', 2024, 'Findings', false, '', null],
      ['structured-pruning', 4, 'ICLR', 2023, 'Tiny Paper', false, '', null],
      ['structured-pruning', 5, 'Proceedings of the VLDB Endowment', null, null, false, '', null],
      ['structured-pruning', 6, 'LREC-COLING', 2024, null, false, '', null],
      ['structured-pruning', 7, 'AAAI', 2024, null, false, '', null],
      ['structured-pruning', 8, 'IEEE TPAMI', 2024, null, false, '', null],
      ['structured-pruning', 9, 'arXiv', null, null, true, 'structure-pruning depth-pruning', 'Removes whole attention ']
    ])
    expect(graph.papers[0]?.summary).toBe('Reviews pruning, quantization, distillation and low-rank factorization for LLMs.')
    // The year: the venue's when it names one, else the arXiv id's.
    expect(graph.years.map((y) => [y.year, y.papers.length])).toEqual([[2024, 10], [2023, 2]])
    expect(graph.papers.filter((p) => p.venueYear === null && p.year === null).map((p) => p.number)).toEqual([null, 5])
  })

  it('keeps every link with its own label, for every venue host', () => {
    const labels = new Set(graph.papers.flatMap((p) => p.links.map((l) => l.label)))
    expect([...labels].sort()).toEqual(['Blog', 'Code', 'Paper', 'Project', 'Slides', 'Website'])
    const hosts = new Set(graph.papers.flatMap((p) => p.links.map((l) => new URL(l.href).hostname)))
    for (const host of ['openreview.net', 'aclanthology.org', 'proceedings.mlr.press', 'ieeexplore.ieee.org', 'dl.acm.org', 'proceedings.neurips.cc', 'ojs.aaai.org', 'arxiv.org']) {
      expect(hosts, host).toContain(host)
    }
  })

  it('reads subsections of Papers with their description, and tools written as a bullet list', () => {
    expect(graph.sections.map((s) => [s.id, s.parent, s.description, s.papers.length])).toEqual([
      ['survey', 'papers', 'Overviews of model compression for large language models.', 2],
      ['unstructured-pruning', 'papers', 'Pruning individual weights.', 3],
      ['structured-pruning', 'papers', null, 9]
    ])
    expect(graph.tools.map((t) => t.name)).toEqual(['lm-evaluation-harness', 'LLM-Pruner'])
  })

  it('gives labels, venues and years a page each, and an index', () => {
    expect(graph.labels.map((l) => l.name)).toEqual(['Survey', 'Efficiency', 'Loss-based Pruning', 'N:M sparsity', 'Magnitude-based Pruning', 'Structure Pruning', 'Dependency Graph', 'Depth Pruning'])
    for (const entity of [...graph.labels, ...graph.venues, ...graph.years]) {
      const html = readFileSync(join(out, entity.page, 'index.html'), 'utf8')
      for (const id of entity.papers) expect(html, `${entity.page} → ${id}`).toContain(`href="/papers/${id}/"`)
    }
    for (const index of ['labels', 'venues', 'years']) expect(readFileSync(join(out, index, 'index.html'), 'utf8')).toContain('<h1 id="page-title">')
    expect(brokenLinks(out, '/')).toEqual([])
  })

  it('shows the summary and labels on the paper page', () => {
    const html = readFileSync(join(out, 'papers/blockpruner/index.html'), 'utf8')
    expect(html).toContain('Removes whole attention and MLP blocks by their perplexity impact.')
    expect(html).toContain('href="/labels/depth-pruning/"')
    expect(html).toContain('href="/venues/arxiv/"')
  })

  it('renders the sections the graph does not model as safe prose on the home page', () => {
    const home = readFileSync(join(out, 'index.html'), 'utf8')
    for (const title of ['Contributing', 'Questions', 'Citation', 'Acknowledgements']) expect(home).toContain(`<h2 dir="auto">${title}</h2>`)
    expect(home).toContain('<strong>any question</strong>')
    expect(home).toMatch(/<pre><code class="language-bibtex">@misc\{awesome-llm-pruning,/)
    expect(home).toContain('<img src="https://img.shields.io/badge/license-MIT-green.svg" alt="License">')
    expect(home).toContain('<img src="https://contrib.rocks/image?repo=example/Awesome-LLM-Pruning" alt="Contributors">')
    expect(home).toContain('Overviews of model compression for large language models.')
  })
})

describe('the new facets in Chromium', () => {
  it('filter by label, venue and year, and search finds words of a summary', async () => {
    const server = await serveStatic(out)
    const browser = await sharedBrowser()
    try {
      const page = await browser.newPage({viewport: {width: 1280, height: 900}})
      const titles = async () => {
        await nextFrame(page)
        return page.locator('#paper-list > li:not([hidden]) .paper-title').allInnerTexts()
      }
      // With the list tools running, "List order" is still the README's order, numbering restarts and `[]` entries included.
      await page.goto(server.url)
      expect(await page.locator('#sort').inputValue()).toBe('')
      // (textContent: rows far below the fold are not laid out, so they have no innerText.)
      expect(await page.locator('#paper-list > li:not([hidden]) .paper-title').allTextContents()).toEqual(graph.papers.map((paper) => paper.title))
      await page.goto(`${server.url}?label=structure-pruning`)
      expect(await titles()).toEqual(['LLM-Pruner: On the Structural Pruning of Large Language Models', 'BlockPruner: Fine-grained Pruning for Large Language Models'])
      await page.locator('input[name=year][value="2024"]').check()
      await page.locator('input[name=venue][value=arxiv]').check()
      expect(await titles()).toEqual(['BlockPruner: Fine-grained Pruning for Large Language Models'])
      expect(new URL(page.url()).search).toBe('?label=structure-pruning&venue=arxiv&year=2024')
      await page.goto(`${server.url}?q=perplexity`)
      expect(await titles()).toEqual(['BlockPruner: Fine-grained Pruning for Large Language Models'])
    } finally {
      await browser.close()
      await server.close()
    }
  })
})

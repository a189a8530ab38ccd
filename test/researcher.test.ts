import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs'
import {gzipSync} from 'node:zlib'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse as parseBibtex} from '@retorquere/bibtex-parser'
import {build} from '../src/build.ts'
import {citations} from '../src/cite/bibtex.ts'
import {publication} from '../src/cite/venues.ts'
import {parseVenue} from '../src/extract/venue.ts'
import {atomFeed} from '../src/render/feed.ts'
import {matrix} from '../src/render/pages/matrix.ts'
import {analyzeText, completed, seedPath, seedSource} from './helpers/seed.ts'
import {brokenLinks, pages} from './helpers/links.ts'
import {atomProblems, schemaErrors} from './helpers/xml.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-researcher-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))
const base = '/Awesome-LLM-Pruning/'
const siteUrl = 'https://example.github.io'
const out = join(tmp, 'site')
const read = (path: string) => readFileSync(join(out, path), 'utf8')
const decode = (html: string) => html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'"})[name]!)

interface GraphJson {
  papers: Array<{id: string; title: string; page: string; arxiv: string | null; models: string[]; datasets: string[]}>
  datasets: Array<{id: string; name: string; roles: string[]}>
}
let graph: GraphJson

beforeAll(async () => {
  const result = await build({input: seedPath, out, base, siteUrl})
  expect(result.written).toBe(true)
  graph = JSON.parse(read('graph.json'))
})

describe('the benchmark matrix', () => {
  const table = (id: string) => /<table class="matrix" id="matrix-[^"]+"[^]*?<\/table>/g.exec(read('matrix/index.html').slice(read('matrix/index.html').indexOf(`id="matrix-${id}"`) - 30))![0]
  const totals = (html: string) => Object.fromEntries(Array.from(html.matchAll(/<td class="total heat-\d" data-column="([^"]+)">(\d+)<\/td>/g), (m) => [m[1], Number(m[2])]))

  it('counts BoolQ, PIQA and HellaSwag in 4 papers each, and LLaMA2-7B in 3', () => {
    const benchmarks = totals(table('datasets'))
    expect([benchmarks['boolq'], benchmarks['piqa'], benchmarks['hellaswag']]).toEqual([4, 4, 4])
    expect(totals(table('models'))['llama2-7b']).toBe(3)
  })

  it('counts a paper under a benchmark only when an evaluation table cites it for it, not for calibrating on it', () => {
    const {graph: own} = analyzeText(`# List

## Papers
- [1] Calibrates on C4
  Arxiv, [Paper](https://arxiv.org/abs/2401.00001)
- [2] Evaluates on C4
  Arxiv, [Paper](https://arxiv.org/abs/2401.00002)

## Datasets
### Calibration Dataset
| Name | Paper |
|------|-------|
| C4 | [1] |

### For Evaluation
| Name | Paper |
|------|-------|
| C4 | [2] |
| PIQA | [1], [2] |
`)
    const view = matrix(completed(own!))[0]!.data() as {tables: Array<{id: string; columns: Array<{id: string; total: number}>; rows: Array<{id: string; cells: boolean[]}>}>; popular: string[]}
    const benchmarks = view.tables.find((table) => table.id === 'datasets')!
    expect(benchmarks.columns.map((column) => [column.id, column.total])).toEqual([['piqa', 2], ['c4', 1]])
    const c4 = benchmarks.columns.findIndex((column) => column.id === 'c4')
    expect(benchmarks.rows.map((row) => [row.id, row.cells[c4]])).toEqual([['calibrates-on-c4', false], ['evaluates-on-c4', true]])
    expect(view.popular).toEqual(['PIQA (2)', 'C4 (1)'])
    // graph.json says which table cites which paper.
    expect(own!.dataset.get('c4')!.papersByRole).toEqual({calibration: ['calibrates-on-c4'], evaluation: ['evaluates-on-c4']})
  })

  it('has a column for every evaluation dataset, most used first, and no other dataset', () => {
    const columns = Array.from(table('datasets').matchAll(/<th scope="col" class="column-name" data-column="([^"]+)">/g), (m) => m[1])
    const evaluation = graph.datasets.filter((d) => d.roles.includes('evaluation')).map((d) => d.id)
    expect([...columns].sort()).toEqual([...evaluation].sort())
    const counts = columns.map((id) => totals(table('datasets'))[id!]!)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
  })

  it('is an accessible table: a caption, column and row headers with scope, and every filled cell a link to its paper', () => {
    for (const id of ['datasets', 'models']) {
      const html = table(id)
      expect(html).toMatch(/<caption id="[^"]+">[^<]+ by paper: 4 papers × \d+ (benchmarks|models)\./)
      const kind = id === 'datasets' ? 'datasets' : 'models'
      const columns = Array.from(html.matchAll(/<th scope="col" class="column-name" data-column="([^"]+)">/g), (m) => m[1]!)
      for (const row of html.match(/<tr data-[^]*?<\/tr>/g)!) {
        const paper = /<th scope="row"><a href="([^"]+)">/.exec(row)![1]!
        const entry = graph.papers.find((p) => base + p.page === paper)!
        const cells = row.match(/<td[^>]*>[^]*?<\/td>/g)!.slice(0, columns.length)
        cells.forEach((cell, n) => {
          const uses = entry[kind].includes(columns[n]!)
          expect(cell.startsWith('<td class="on"><a href="' + paper + '">'), `${entry.id} × ${columns[n]}`).toBe(uses)
        })
        expect(Number(/data-total="(\d+)"/.exec(row)![1])).toBe(cells.filter((cell) => cell.includes('class="on"')).length)
      }
    }
  })
})

describe('citations', () => {
  const bibtexOf = (page: string) => decode(/<pre id="bibtex"[^>]*><code>([^]*?)<\/code><\/pre>/.exec(read(`${page}index.html`))![1]!)

  it('gives every paper page a BibTeX entry that a BibTeX parser accepts, with a unique key and the arXiv eprint', () => {
    const keys = new Set<string>()
    for (const paper of graph.papers) {
      const parsed = parseBibtex(bibtexOf(paper.page))
      expect(parsed.errors, paper.id).toEqual([])
      expect(parsed.entries).toHaveLength(1)
      const [entry] = parsed.entries
      expect(entry!.type).toBe('misc')
      expect(entry!.fields['title']).toBeTruthy()
      expect(entry!.fields['eprint']).toBe(paper.arxiv)
      expect(entry!.fields['archiveprefix']).toBe('arXiv')
      expect(read(`${paper.page}index.html`)).toContain(`Citation key <code>${entry!.key}</code>`)
      keys.add(entry!.key)
    }
    expect(keys.size).toBe(graph.papers.length)
    // The parser sentence-cases titles as Zotero does; braces keep LLaMA as written.
    expect(parseBibtex(bibtexOf('papers/shortened-llama/')).entries[0]!.fields['title']).toBe('Shortened LLaMA: Depth pruning for large language models with comparison of retraining methods')
    const all = parseBibtex(read('papers.bib'))
    expect(all.errors).toEqual([])
    expect(all.entries.map((entry) => entry.key)).toEqual([...keys])
  })

  it('cites a venue paper with @inproceedings and its booktitle, a journal with @article, and keeps keys unique and stable', () => {
    const variant = seedSource
      .replace('[3] FoldGPT: Simple and Effective Large Language Model Compression Scheme\n  Arxiv,', '[3] FoldGPT: Simple and Effective Large Language Model Compression Scheme\n  ACL 2024 Findings,')
      .replace('  Arxiv, [Paper](https://arxiv.org/pdf/2406.16330)', '  ICML 2024, [Paper](https://arxiv.org/pdf/2406.16330)')
      .replace('[5] LaCo: Large Language Model Pruning via Layer Collapse\n  Arxiv, [Paper](https://arxiv.org/pdf/2402.11187)', '[5] LaCo: Large Language Model Pruning via Layer Collapse\n  TMLR, [Paper](https://openreview.net/forum?id=abc)\n- [6] LaCo: Revisited & {Extended} 100% of_it\n  Arxiv, [Paper](https://arxiv.org/abs/2402.11999)')
    const {graph: g} = analyzeText(variant)
    const entries = citations(completed(g!)).entry
    const parsed = parseBibtex([...entries.values()].join('\n'), {sentenceCase: false})
    expect(parsed.errors).toEqual([])
    const byKey = new Map(parsed.entries.map((entry) => [entry.key, entry]))
    expect(byKey.get('foldgpt2024')).toMatchObject({type: 'inproceedings', fields: {booktitle: 'Findings of the Association for Computational Linguistics: ACL 2024', year: '2024'}})
    expect(byKey.get('pruning2024')).toMatchObject({type: 'inproceedings', fields: {booktitle: 'International Conference on Machine Learning (ICML)', eprint: '2406.16330'}})
    expect(byKey.get('laco')).toMatchObject({type: 'article', fields: {journal: 'Transactions on Machine Learning Research'}})
    // Two papers whose first word and year agree: the older arXiv id keeps the plain key.
    expect(byKey.get('laco2024')?.fields['eprint']).toBe('2402.11999')
    expect(byKey.get('laco2024')?.fields['title']).toBe('LaCo: Revisited & {Extended} 100% of_it')
    expect(new Set(entries.values()).size).toBe(6)
    // Reordering the list changes no key.
    const reordered = analyzeText(variant.replace(/(- \[1\][^\n]*\n[^\n]*\n)([^]*?)(\n\s*\n## Fine-tuning)/, '$2\n$1$3')).graph!
    expect(reordered.papers.map((p) => p.number)).toEqual([2, 3, 4, 5, 6, 1])
    expect(Object.fromEntries(citations(completed(reordered)).key)).toEqual(Object.fromEntries(citations(completed(g!)).key))
  })

  it('names a conference once in a booktitle: its full name, then its short name in brackets', () => {
    expect(publication(parseVenue('LREC-COLING 2024'))).toEqual({kind: 'inproceedings', booktitle: 'Proceedings of the Joint International Conference on Computational Linguistics, Language Resources and Evaluation (LREC-COLING)'})
    for (const venue of ['AAAI 2024', 'ACL 2024', 'COLING 2025', 'LREC-COLING 2024', 'CVPR 2024', 'EMNLP 2023', 'ICLR 2024', 'ICML 2024', 'NeurIPS 2023', 'KDD 2024', 'WWW 2025']) {
      const where = publication(parseVenue(venue))
      const short = venue.split(' ')[0]!
      expect(where.kind === 'inproceedings' && where.booktitle.split(`(${short})`).length - 1, venue).toBe(1)
    }
  })

  it('offers the whole list as papers.bib and the filtered list from the home page', () => {
    const home = read('index.html')
    // The description names the list, not a topic: any list can be built.
    expect(home).toContain(`<meta name="description" content="5 papers listed in Awesome-LLM-Pruning, cross-linked with the models, datasets and fine-tuning methods they use.">`)
    // No metadata cache here, so no card shows authors, and the search box does not offer them.
    expect(home).toContain('<label for="filter-q">Search by title, model, dataset</label>')
    expect(home).toContain(`<a id="bib-download" href="${base}papers.bib" download="papers.bib">Download .bib</a>`)
    expect(home).toContain(`<a href="${base}graph.json">graph.json</a>`)
    for (const paper of graph.papers) expect(home).toMatch(new RegExp(`id="paper-${paper.id}"[^>]* data-bib="[a-z0-9]+"`))
  })
})

describe('feeds and files for machines', () => {
  it('writes feed.xml as valid Atom, newest first', () => {
    const xml = read('feed.xml')
    expect(atomProblems(xml)).toEqual([])
    const updated = Array.from(xml.matchAll(/<entry>[^]*?<updated>([^<]+)<\/updated>/g), (m) => m[1]!)
    expect(updated).toHaveLength(graph.papers.length)
    expect(updated).toEqual([...updated].sort().reverse())
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${siteUrl}${base}feed.xml"/>`)
    expect(xml).toContain(`<id>${siteUrl}${base}papers/shortgpt/</id>`)
    // Each summary names the venue as the site does ("Arxiv" in the README is arXiv on every page).
    expect(Array.from(xml.matchAll(/<summary>([^<]*)<\/summary>/g), (m) => m[1])).toContain('arXiv, Feb 2024')
    const {graph: icml} = analyzeText(seedSource.replace('  Arxiv, [Paper](https://arxiv.org/pdf/2406.16330)', '  ICML23, [Paper](https://example.org/icml.pdf)'))
    expect(atomFeed(completed(icml!), {base: '/', siteUrl: undefined})).toMatch(/<summary>ICML 2023<\/summary>/)
  })

  it('flags what RFC 4287 forbids, so the feed check can fail', () => {
    const good = read('feed.xml')
    expect(atomProblems(good.replace(/<updated>[^<]+<\/updated>/, '<updated>2024-07-02</updated>'))).toEqual(['the feed: updated "2024-07-02" is not an RFC 3339 date-time'])
    expect(atomProblems(good.replace(/<id>[^<]+<\/id>\n\s*<link rel="alternate"[^>]*>/, '<id>x</id>'))).toHaveLength(2)
    expect(() => atomProblems(good.replace('</feed>', ''))).toThrow()
  })

  it('writes sitemap.xml that the sitemaps.org schema accepts, one absolute URL per page, and robots.txt that names it', async () => {
    const xml = read('sitemap.xml')
    expect(await schemaErrors(xml, new URL('./fixtures/sitemap.xsd', import.meta.url))).toEqual([])
    expect(await schemaErrors(xml.replace('<loc>', '<lastmod>2024-01-01</lastmod><loc>'), new URL('./fixtures/sitemap.xsd', import.meta.url))).not.toEqual([])
    const locs = Array.from(xml.matchAll(/<loc>([^<]+)<\/loc>/g), (m) => m[1]!)
    const html = pages(out, base).map((page) => siteUrl + page.path).filter((url) => !url.endsWith('404.html'))
    expect(locs.sort()).toEqual(html.sort())
    expect(read('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}${base}sitemap.xml\n`)
  })

  it('has a 404 page kept out of search engines, and the favicon', () => {
    const notFound = read('404.html')
    expect(notFound).toContain('<meta name="robots" content="noindex">')
    expect(notFound).not.toContain('rel="canonical"')
    expect(notFound).toContain(`<form class="search not-found-search" action="${base}" method="get" role="search"`)
    expect(existsSync(join(out, 'favicon.svg'))).toBe(true)
  })

  it('puts OpenGraph, Twitter and canonical meta on every page, and JSON-LD on paper and dataset pages', () => {
    for (const page of pages(out, base)) {
      expect(page.html, page.path).toMatch(/<meta property="og:title" content="[^"]+">/)
      expect(page.html).toMatch(/<meta property="og:description" content="[^"]+">/)
      expect(page.html).toContain('<meta name="twitter:card" content="summary">')
      if (!page.path.endsWith('404.html')) expect(page.html).toContain(`<link rel="canonical" href="${siteUrl}${page.path}">`)
    }
    for (const paper of graph.papers) {
      const html = read(`${paper.page}index.html`)
      const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]!)
      expect(ld).toMatchObject({'@context': 'https://schema.org', '@type': 'ScholarlyArticle', headline: paper.title, url: `${siteUrl}${base}${paper.page}`, sameAs: `https://arxiv.org/abs/${paper.arxiv}`})
      expect(html).toContain('<meta property="og:type" content="article">')
    }
    const boolq = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(read('datasets/boolq/index.html'))![1]!)
    expect(boolq).toMatchObject({'@type': 'Dataset', name: 'BoolQ', url: `${siteUrl}${base}datasets/boolq/`})
    expect(boolq.description.length).toBeGreaterThanOrEqual(50)
    expect(boolq.subjectOf).toHaveLength(4)
  })
})

describe('paper pages', () => {
  it('link to arXiv, the PDF and Hugging Face once each, beside the list’s own links', () => {
    const html = read('papers/shortened-llama/index.html')
    const links = Array.from(/<p class="paper-links big">([^]*?)<\/p>/.exec(html)![1]!.matchAll(/href="([^"]+)"[^>]*>([^<]+)</g), (m) => [m[2], m[1]])
    expect(links).toEqual([
      ['Paper', 'https://arxiv.org/pdf/2402.02834'],
      ['Code', 'https://github.com/Nota-NetsPresso/shortened-llm'],
      ['arXiv', 'https://arxiv.org/abs/2402.02834'],
      ['Hugging Face', 'https://huggingface.co/papers/2402.02834']
    ])
  })

  it('list related papers by what they share, most alike first, with the reason', () => {
    const html = read('papers/shortgpt/index.html')
    const related = Array.from(/<ol class="related-list">([^]*?)<\/ol>/.exec(html)![1]!.matchAll(/<a href="([^"]+)">[^]*?<\/a> <span class="reason">([^<]+)<\/span>/g), (m) => [m[1], decode(m[2]!)])
    expect(related).toEqual([
      [`${base}papers/pruning-via-merging/`, 'Shares 2 models (LLaMA2-7B and LLaMaA2-13B) and 5 datasets (BoolQ, PIQA, HellaSwag and 2 more).'],
      [`${base}papers/foldgpt/`, 'Shares 1 model (LLaMA2-7B) and 4 datasets (BoolQ, PIQA, HellaSwag and 1 more).'],
      [`${base}papers/shortened-llama/`, 'Shares 3 datasets (BoolQ, PIQA and HellaSwag).']
    ])
    expect(read('papers/laco/index.html')).toContain('No other paper in the list shares a model, dataset or label with this one.')
  })
})

describe('the home page', () => {
  it('draws papers per month as an inline SVG with a table of the numbers', () => {
    const home = read('index.html')
    const bars = Array.from(home.matchAll(/<rect class="chart-bar"[^>]*><title>([^<]+)<\/title><\/rect>/g), (m) => m[1])
    expect(bars).toEqual(['Feb 2024: 2 papers', 'Mar 2024: 1 paper', 'Jun 2024: 1 paper', 'Jul 2024: 1 paper'])
    expect(home).not.toMatch(/\sstyle=/)
  })

  it('is first painted whole down to the list: the first paint waits for the element just before it', () => {
    // On a slow machine Chromium painted while it parsed, the header with the chart's summary alone, and the chart
    // that came next moved it (a layout shift of 0.034 on a desktop, in 2 of 6 loads at a sixth of the CPU).
    const home = read('index.html')
    expect(home).toContain('<link rel="expect" href="#filter-notice" blocking="render">')
    expect(home.match(/ id="filter-notice"/g)).toHaveLength(1)
    expect(home.indexOf(' id="filter-notice"')).toBeLessThan(home.indexOf(' id="paper-list"'))
    expect(home.slice(home.indexOf(' id="filter-notice"'), home.indexOf(' id="paper-list"'))).not.toContain('<li')
    expect(read('papers/laco/index.html')).not.toContain('rel="expect"')
  })

  it('keeps all of the browser JavaScript within 5 KB gzipped', () => {
    const scripts = readdirSync(join(out, 'assets')).filter((name) => name.endsWith('.js'))
    // The home page's two scripts (the filter and the list tools) ship as one file, src/client/home.ts.
    expect(scripts).toHaveLength(3)
    for (const entry of ['cite-', 'home-', 'matrix-']) expect(scripts.some((name) => name.startsWith(entry)), entry).toBe(true)
    const bytes = scripts.reduce((sum, name) => sum + gzipSync(readFileSync(join(out, 'assets', name))).length, 0)
    expect(bytes).toBeLessThanOrEqual(5 * 1024)
  })

  it('passes the link crawler with every new page', () => {
    expect(brokenLinks(out, base)).toEqual([])
    for (const page of ['matrix/index.html', 'new/index.html', '404.html', 'papers.bib', 'feed.xml', 'sitemap.xml', 'robots.txt']) expect(existsSync(join(out, page)), page).toBe(true)
  })
})

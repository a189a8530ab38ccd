import {describe, expect, it} from 'vitest'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {analyzeText, completed} from './helpers/seed.ts'
import {isCleanTitle} from '../src/extract/adapters/title.ts'
import {bestEffort} from '../src/graph/best-effort.ts'
import {renderSite} from '../src/render/index.ts'
import {fakeAssets} from '../scripts/fuzz/readme.ts'
import {listForms, syntheticReadme, type EntryForm} from '../scripts/bench/readme.ts'

/**
 * One README per list form that real curated lists use (issue 12, point 2), each written for this test
 * with at least 30 entries and the variations real lists have: HTML, badges, a missing venue, a missing
 * code link, CJK text, a paper listed under two sections. `expected.json` holds each entry's title,
 * section, venue and year as a reader of the list would give them.
 */
const root = fileURLToPath(new URL('fixtures/lists/', import.meta.url))

interface Expected {
  title: string
  section: string
  venue: string | null
  year: number | null
  /** A second section the same paper is listed in. */
  also?: string
}

for (const form of readdirSync(root).sort()) {
  describe(`a list in the ${form} form`, () => {
    const source = readFileSync(join(root, form, 'README.md'), 'utf8')
    const expected: Expected[] = JSON.parse(readFileSync(join(root, form, 'expected.json'), 'utf8'))
    const analyzed = analyzeText(source, `${form}/README.md`)
    const {file, raw} = analyzed
    // The graph the site renders, which shows a paper listed twice once.
    const graph = bestEffort(analyzed.graph!, raw!)
    const byTitle = new Map(graph!.papers.map((paper) => [paper.title, paper]))

    it('has at least 30 entries', () => {
      expect(expected.length).toBeGreaterThanOrEqual(30)
    })

    it('reads at least 98% of the paper links as papers, every expected entry among them', () => {
      expect(raw!.reading.read / raw!.reading.links).toBeGreaterThanOrEqual(0.98)
      expect(expected.filter((entry) => !byTitle.has(entry.title)).map((entry) => entry.title)).toEqual([])
    })

    it('reads clean titles', () => {
      expect(graph!.papers.filter((paper) => !isCleanTitle(paper.title)).map((paper) => paper.title)).toEqual([])
    })

    it('reads the venue and the year wherever the entry has one', () => {
      const found = expected.map((entry) => {
        const paper = byTitle.get(entry.title)
        return {title: entry.title, venue: entry.venue === null ? null : paper?.venue.name ?? null, year: entry.year === null ? null : paper?.venue.year ?? null}
      })
      expect(found).toEqual(expected.map(({title, venue, year}) => ({title, venue, year})))
    })

    it('puts each paper in its section, and a paper listed twice in both', () => {
      const sections = (title: string) => graph!.sections.filter((section) => section.papers.includes(byTitle.get(title)?.id ?? '')).map((section) => section.id)
      expect(expected.map((entry) => [entry.title, sections(entry.title)])).toEqual(expected.map((entry) => [entry.title, [entry.section, ...(entry.also ? [entry.also] : [])]]))
    })

    it('reports no error, and nothing at all about a correct entry', () => {
      expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([])
    })
  })
}

describe('reference tables, found by their cells under any heading', () => {
  const source = readFileSync(join(root, 'reference', 'README.md'), 'utf8')
  const {graph} = analyzeText(source, 'reference/README.md')

  it('link the models and benchmarks to the papers they cite, whatever their headings say', () => {
    expect(graph!.models.map((model) => [model.name, model.papers.length])).toEqual([
      ['LLaMA-7B', 4], ['LLaMA2-13B', 4], ['OPT-6.7B', 4], ['Mistral-7B', 4], ['Falcon-40B', 4], ['Qwen-14B', 4], ['Gemma-2B', 4], ['BLOOM-7B', 4]
    ])
    expect(graph!.datasets.map((dataset) => [dataset.name, dataset.papers.length])).toEqual([['BoolQ', 8], ['PIQA', 8], ['HellaSwag', 8], ['WikiText2', 8]])
  })

  it('cite a paper listed twice as its first listing', () => {
    const listedTwice = graph!.papers.find((paper) => paper.alsoIn?.includes('highlights'))!
    expect(listedTwice.models).toEqual(['opt-6-7b'])
  })
})

describe('a paper listed under two sections, on the site', () => {
  const source = readFileSync(join(root, 'inline', 'README.md'), 'utf8')
  const {raw, graph: analyzed} = analyzeText(source, 'inline/README.md')
  const graph = bestEffort(analyzed!, raw!)
  const home = renderSite(completed(graph), {base: '/', siteUrl: undefined, sourceHref: undefined, assets: fakeAssets}).get('index.html')!

  it('is shown once, with both sections as facet values', () => {
    const paper = graph.papers.find((each) => each.alsoIn?.length)!
    expect(home.match(new RegExp(`id="paper-${paper.id}"`, 'g'))).toHaveLength(1)
    expect(home).toContain(`data-section="${paper.section} ${paper.alsoIn!.join(' ')}"`)
    expect(graph.section.get('other')!.papers).toContain(paper.id)
  })
})

describe("the benchmark's lists in each form", () => {
  it('hold the same papers as the seed\'s form, every one read, with no message', () => {
    const titles = (form: EntryForm) => {
      const {file, raw, graph} = analyzeText(syntheticReadme({papers: 200, form}))
      expect(file.messages.filter((m) => m.ruleId !== 'name-similar').map((m) => `${form} ${m.line}:${m.column} ${m.ruleId}`)).toEqual([])
      expect(raw!.reading.read).toBe(200)
      return graph!.papers.map((paper) => [paper.title, paper.arxiv, paper.models.length, paper.datasets.length])
    }
    const seed = titles('flat')
    for (const form of listForms) expect(titles(form), form).toEqual(seed)
  })
})

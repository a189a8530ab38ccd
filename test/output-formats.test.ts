import {afterAll, describe, expect, it} from 'vitest'
import {mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {parse as parseBibtex} from '@retorquere/bibtex-parser'
import {build, type BuildResult} from '../src/build.ts'
import {createDevSite} from '../src/dev/state.ts'
import {scratch} from './helpers/sites.ts'
import {bibtexCommands} from './helpers/bibtex.ts'

/**
 * Every file the site publishes, written from hostile text: each format is read back with a real
 * parser. First the reproducers of issue 9, one per finding.
 */
const tmp = scratch('formats')
afterAll(() => tmp.dispose())

/** Characters no output may carry: C0 and C1 controls but TAB, LF and CR, DEL, noncharacters, lone surrogates. */
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

const paper = (n: number, title: string, arxiv: string) => `- [${n}] ${title}\n  Arxiv, [Paper](https://arxiv.org/abs/${arxiv})\n`
const cached = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  authors: ['Bo-Kyeong Kim', 'Geonmin Kim'],
  abstract: 'Structured pruning of modern large language models.',
  published: '2024-02-05T08:09:47Z',
  updated: '2024-06-23T09:12:01Z',
  primaryCategory: 'cs.LG',
  ...extra
})

interface Built {
  result: BuildResult
  out: string
  read(path: string): string
  /** Every message of the build, as `file: reason`. */
  messages: string[]
  /** Every file written, relative to the output folder. */
  files(): string[]
}

/** Builds a README (and the metadata cache beside it, as text or as data) into a folder of its own. */
async function buildList(name: string, readme: string, meta?: string | object | ((path: string) => void), options: {allowErrors?: boolean} = {}): Promise<Built> {
  const dir = join(tmp.dir, name)
  mkdirSync(dir, {recursive: true})
  writeFileSync(join(dir, 'README.md'), readme)
  const metaPath = join(dir, 'papers.meta.json')
  if (typeof meta === 'function') meta(metaPath)
  else if (meta !== undefined) writeFileSync(metaPath, typeof meta === 'string' ? meta : JSON.stringify({papers: meta}))
  const out = join(dir, 'out')
  const result = await build({input: join(dir, 'README.md'), out, siteUrl: 'https://example.github.io', history: false, allowErrors: options.allowErrors ?? false})
  return {
    result,
    out,
    read: (path) => readFileSync(join(out, path), 'utf8'),
    messages: result.files.flatMap((file) => file.messages.map((message) => `${file.basename}: ${message.reason}`)),
    files: () => (readdirSync(out, {recursive: true}) as string[]).filter((path) => statSync(join(out, path)).isFile()).map((path) => relative(out, join(out, path)))
  }
}

describe('the reproducers of issue 9', () => {
  it('1. papers.bib: a list title with `@preamble{…\\input{/etc/hostname}}` starts no BibTeX command', async () => {
    const site = await buildList('bib-title', `# List @preamble{ "\\immediate\\write18{touch /tmp/pwned}\\input{/etc/hostname}" }\n\n## Papers\n\n${paper(1, 'A paper', '2402.02834')}`)
    expect(site.result.written).toBe(true)
    const bib = site.read('papers.bib')
    const graph = JSON.parse(site.read('graph.json'))
    // BibTeX reads the header line too: only the papers' own entries may be there.
    expect(bibtexCommands(bib)).toEqual([{command: 'misc', key: graph.papers[0].citationKey, at: expect.any(Number)}])
    const parsed = parseBibtex(bib, {sentenceCase: false})
    expect([parsed.errors, parsed.preamble, parsed.strings, parsed.comments]).toEqual([[], [], {}, []])
    // The title is still there, for a reader, as a comment BibTeX skips.
    expect(bib.split('\n')[0]).toContain('List')
  })

  it('2. papers.meta.json: a primaryCategory that closes its field and a date that only Date.parse accepts are refused at their paths', async () => {
    const site = await buildList('meta-fields', `# List\n\n## Papers\n\n${paper(1, 'Shortened LLaMA', '2402.02834')}`, {
      '2402.02834': cached('Shortened LLaMA', {
        primaryCategory: 'cs.LG}\n}\n@preamble{"\\input{/etc/hostname}"}\n@misc{x, title = {x',
        published: 'Feb 5 2024 (</published><link rel="enclosure" href="https://evil.example/a.exe"/><published>)',
        updated: '2024-02-30T00:00:00Z'
      })
    })
    expect(site.messages).toEqual([
      expect.stringMatching(/^papers\.meta\.json: papers\["2402\.02834"\]\.published: "Feb 5 2024 \(<\/published>.*" is not an ISO 8601 date-time/),
      expect.stringMatching(/^papers\.meta\.json: papers\["2402\.02834"\]\.updated: "2024-02-30T00:00:00Z" is not an ISO 8601 date-time: February 2024 has no day 30;/),
      expect.stringMatching(/^papers\.meta\.json: papers\["2402\.02834"\]\.primaryCategory: "cs\.LG}\\n}.*" is not an arXiv category/)
    ])
    expect(site.result.written).toBe(false)
    // The dev server reads the cache with the same reader, and says the same.
    const dev = createDevSite({input: join(tmp.dir, 'meta-fields', 'README.md')})
    expect(dev.refresh().flatMap((file) => file.messages.map((message) => `${file.basename}: ${message.reason}`))).toEqual(site.messages)
  })

  it('10. papers.meta.json: a byte order mark is read; long text is cut, saying what was cut; a 60 MB file is refused with the limit', async () => {
    const readme = `# List\n\n## Papers\n\n${paper(1, 'Shortened LLaMA', '2402.02834')}`
    const bom = await buildList('meta-bom', readme, `\ufeff${JSON.stringify({papers: {'2402.02834': cached('Shortened LLaMA')}})}`)
    expect(bom.messages).toEqual([])
    expect(bom.read('papers/shortened-llama/index.html')).toContain('Bo-Kyeong Kim, Geonmin Kim')

    const long = await buildList('meta-long', readme, {
      '2402.02834': cached('T'.repeat(5000), {abstract: `${'A'.repeat(1_000_000)}<end of the abstract>`, authors: Array.from({length: 150}, (_, n) => `Author ${n}`)})
    })
    const refetch = '; check the entry, or run `npm run enrich -- --refresh 2402.02834` to fetch it again'
    expect(long.messages).toEqual([
      `papers.meta.json: papers["2402.02834"].title: 5,000 bytes, more than the 1 KB a title may have; cut to 1 KB${refetch}`,
      `papers.meta.json: papers["2402.02834"].authors: 150 names, more than the 100 an entry may have; the first 100 are kept, the last 50 cut${refetch}`,
      `papers.meta.json: papers["2402.02834"].abstract: 1,000,021 bytes, more than the 10 KB an abstract may have; cut to 10 KB${refetch}`
    ])
    expect(long.result.written).toBe(true)
    const page = long.read('papers/shortened-llama/index.html')
    expect(page.length).toBeLessThan(60_000)
    expect(page).toContain('Author 99</p>')
    expect(page).not.toContain('Author 100')
    expect(page).not.toContain('end of the abstract')

    const huge = await buildList('meta-huge', readme, (path) => {
      // Sparse: 60 MB on paper, nothing on disk. The reader must refuse it before reading it.
      writeFileSync(path, '{}')
      truncateSync(path, 60 * 1024 * 1024)
    })
    expect(huge.messages).toEqual([
      'papers.meta.json: is 60 MB, more than the 50 MB a metadata cache may have; it holds no more than authors, abstracts and dates, so check what was added to it, or run `npm run enrich` to write it again'
    ])
    expect(huge.result.written).toBe(false)
  })

  it('9. control characters, noncharacters and lone surrogates from README titles and a metadata abstract reach no output', async () => {
    const readme = [
      '# List\u0007 of\u007f papers\ufffe',
      '## Papers',
      // A URL is not cleaned into another address: one that holds such a character is refused.
      paper(1, 'Pruning\u0001 \u001b[31mred\u0008 \ufffe\uffff\ufdd0 title', '2402.02834').trimEnd() + ', [Code](<https://example.org/a\ufffeb>)\n',
      '## Models',
      '| Name | Paper |\n|------|-------|\n| LLaMA\u0002\u0085-7B | [1] |\n'
    ].join('\n\n')
    const site = await buildList('controls', readme, {'2402.02834': cached('Pruning', {abstract: 'An\u0000 abstract\u000b with\u000c a lone \ud800 surrogate', authors: ['Ann\u0000 Author\udfff']})}, {allowErrors: true})
    expect(site.result.written).toBe(true)
    const carrying = Object.fromEntries(
      site
        .files()
        // README.md is the list's source, copied byte for byte and served as text/markdown.
        .filter((path) => /\.(html|xml|json|bib|txt)$/.test(path))
        .flatMap((path) => {
          const found = forbidden.exec(site.read(path))
          return found ? [[path, `U+${found[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${found.index}`]] : []
        })
    )
    expect(carrying).toEqual({})
    const graph = JSON.parse(site.read('graph.json'))
    expect([graph.title, graph.papers[0].title, graph.models[0].name, graph.papers[0].authors]).toEqual(['List of papers', 'Pruning [31mred  title', 'LLaMA-7B', ['Ann Author']])
    expect(site.read('papers/pruning-31mred-title/index.html')).toContain('An abstract with a lone  surrogate')
    expect(graph.papers[0].links.map((link: {label: string}) => link.label)).toEqual(['Paper'])
    expect(site.messages).toEqual([expect.stringMatching(/^README\.md: Link `Code` has a malformed URL `https:\/\/example\.org\/a\ufffeb`/)])
  })
})

import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {parse as parseBibtex, type Creator} from '@retorquere/bibtex-parser'
import {validateXML} from 'xmllint-wasm'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import type {Node} from 'unist'
import type {Element, Node as XmlNode} from '@xmldom/xmldom'
import {build, type BuildResult} from '../src/build.ts'
import {createDevSite} from '../src/dev/state.ts'
import {bestEffort} from '../src/graph/best-effort.ts'
import {bibFile, citationKeysOf} from '../src/cite/bibtex.ts'
import {publication} from '../src/cite/venues.ts'
import {atomFeed} from '../src/render/feed.ts'
import {sitemap} from '../src/render/sitemap.ts'
import {graphJson} from '../src/render/graph-json.ts'
import {renderSite} from '../src/render/index.ts'
import {scriptSources} from '../src/client/entries.ts'
import {formatMessages} from '../src/report/terminal.ts'
import {raw} from 'hast-util-raw'
import {toHast} from 'mdast-util-to-hast'
import type {Nodes as HastNode} from 'hast'
import {annotations, stepSummary} from '../src/report/github.ts'
import type {Graph} from '../src/types.ts'
import type {VFile} from 'vfile'
import {scratch} from './helpers/scratch.ts'
import {analyzeText, completed} from './helpers/seed.ts'
import {bibtexCommands} from './helpers/bibtex.ts'
import {atomProblems, parseXml} from './helpers/xml.ts'
import {htmlValidate} from './helpers/validate-html.ts'
import {formatPayloads, type Payload} from './hostile/payloads.ts'

/**
 * Every file the site publishes, written from hostile text, and read back with a real parser. First
 * the reproducers of issue 9, one per finding. Then every payload class of `formatPayloads` through
 * every field of the README and of papers.meta.json, into papers.bib (BibTeX's own top-level grammar
 * and @retorquere/bibtex-parser), feed.xml and sitemap.xml (xmldom and libxml2), graph.json
 * (JSON.parse), the HTML pages (html-validate), and the CI log: the terminal report, GitHub's
 * annotations (the workflow-command grammar) and the step summary (remark with GFM).
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
    expect((await dev.refresh()).flatMap((file) => file.messages.map((message) => `${file.basename}: ${message.reason}`))).toEqual(site.messages)
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
    expect(site.messages).toContainEqual(expect.stringMatching(/^README\.md: Link `Code` has a malformed URL `https:\/\/example\.org\/a\ufffeb`/))
    // The contributor is told, at each line, what the site dropped.
    expect(site.result.files[0]!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([
      '1:7 text-control-character',
      '5:14 text-control-character',
      '6:53 url-unsafe',
      '6:82 text-control-character',
      '13:8 text-control-character'
    ])
  })
})

// ---------------------------------------------------------------------------
// Every payload class through every field of every format.

const siteUrl = 'https://example.github.io'
const payloads = formatPayloads
/** The arXiv id of payload paper i (numbered i + 1 in the list). */
const arxivOf = (i: number) => `2402.1${String(i + 1).padStart(4, '0')}`
/** http(s) URLs that carry the payload classes where a URL may: they are links, so they are kept. */
const urlPayloads = [
  'https://example.org/p/@preamble{x}/%0A::error::pwn/]]%3E?q={}&r=100%25&s=%',
  'https://example.org/a#::error::pwn##[error]pwn\\input{x}`tick`',
  "https://example.org/~user/'q'/$x^y|z_w"
]

/** Markdown for a payload as plain text: every ASCII punctuation mark backslash-escaped. */
const md = (text: string) => text.replace(/[!-/:-@[-`{-~]/g, '\\$&')
const fold = (text: string) => text.replace(/\s+/g, ' ').trim()
const withoutForbidden = (text: string) => text.replace(new RegExp(forbidden.source, 'g'), '')
/** The sanitized input, as the site should show it: a README stores lone surrogates as U+FFFD, and markdown reads NUL as U+FFFD. */
const fromReadme = (text: string) => fold(withoutForbidden(Buffer.from(text).toString().replace(/\u0000/g, '\ufffd')))
const fromMeta = (text: string) => fold(withoutForbidden(text))
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!)

/** One README with every payload in every field it has, and one metadata cache with every payload in every text field. */
function hostileList(): {readme: string; meta: Record<string, object>} {
  const papers = payloads.map(({text}, i) => {
    const t = md(text)
    const n = i + 1
    return [
      `### ${t} H${n}`,
      '',
      `> ${t} Q${n}`,
      '',
      `- [${n}] ${t} T${n}`,
      // The venue loses the punctuation that separates it from the title and the links: markers keep the payload inside.
      `  V${n} ${t} V${n}, [${t} L${n}](https://arxiv.org/abs/${arxivOf(i)}), [Code](https://example.org/code/${n})`,
      // A comma or a semicolon separates labels: a payload with one would be two labels.
      `  - Label: ${md(text.replace(/[,;]/g, '/'))} B${n}`,
      `  - Summary: ${t} S${n}`,
      ''
    ].join('\n')
  })
  // Without an arXiv id, a paper's BibTeX url is its own link.
  const linked = urlPayloads.map((url, j) => `- [${100 + j}] Linked paper ${j}\n  ICML 2024, [Paper](${url})\n`)
  const table = (rows: string[]) => `| Name | Paper |\n|------|-------|\n${rows.join('\n')}\n`
  const rows = (letter: string) => payloads.map(({text}, i) => `| ${md(text)} ${letter}${i + 1} | [${i + 1}] |`)
  // A reference that matches no paper: its error message quotes the name, for the CI log's formats.
  const unresolved = payloads.map(({text}, i) => `| ${md(text)} R${i + 1} | [999] |`)
  const readme = [
    '# A list of hostile papers',
    '## Papers',
    '- [0] A benign paper\n  Arxiv, [Paper](https://arxiv.org/abs/2402.10000)\n',
    ...linked,
    ...papers,
    '## Fine-tuning methods',
    table([...rows('F'), ...unresolved]),
    '## Models',
    table(rows('M')),
    '## Datasets',
    '### For Evaluation',
    table(rows('D'))
  ].join('\n\n')
  const meta = Object.fromEntries(
    payloads.map(({text}, i) => [arxivOf(i), cached(text, {abstract: text, authors: [`${text} A`, 'Ann Author'], journalRef: text, doi: `10.1234/x.${i + 1}`, primaryCategory: 'cs.CL'})])
  )
  return {readme, meta}
}

/** Every format a site is made of, as text, and the graph it was made from. */
interface Formats {
  graph: Graph
  bib: string
  feed: string
  sitemap: string
  json: string
  pages: Map<string, string>
}

/** The payload as the list's title: a list of one paper, rendered in memory by the build's own writers. */
function titleFormats(payload: Payload): Formats {
  // As a file holds the text: UTF-8, which has no lone surrogates.
  const {raw, graph: linked} = analyzeText(Buffer.from(`# ${md(payload.text)}\n\n## Papers\n\n${paper(1, 'A paper', '2402.02834')}`).toString())
  const graph = completed(bestEffort(linked!, raw!))
  const pages = renderSite(graph, {base: '/', siteUrl, sourceHref: undefined, assets: {css: 'assets/style.css', scripts: scriptSources}})
  return {
    graph,
    bib: bibFile(graph),
    feed: atomFeed(graph, {base: '/', siteUrl}),
    sitemap: sitemap(graph, [...pages.keys()].filter((path) => path.endsWith('index.html')).map((path) => path.replace(/index\.html$/, '')), {base: '/', siteUrl}),
    json: graphJson(graph),
    pages
  }
}

function builtFormats(site: Built): Formats {
  return {
    graph: site.result.graph!,
    bib: site.read('papers.bib'),
    feed: site.read('feed.xml'),
    sitemap: site.read('sitemap.xml'),
    json: site.read('graph.json'),
    pages: new Map(site.files().filter((path) => path.endsWith('.html')).map((path) => [path, site.read(path)]))
  }
}

/** What BibTeX and @retorquere/bibtex-parser read in a .bib file, against what the graph says each field holds. */
function bibProblems(bib: string, graph: Graph): string[] {
  const problems: string[] = []
  const keys = citationKeysOf(graph)
  const expectedKeys = graph.papers.map((paper) => keys.get(paper.id)!)
  const commands = bibtexCommands(bib)
  if (JSON.stringify(commands.map((c) => c.key)) !== JSON.stringify(expectedKeys) || commands.some((c) => !['misc', 'inproceedings', 'article'].includes(c.command))) {
    problems.push(`BibTeX reads ${JSON.stringify(commands.map((c) => `@${c.command}{${c.key}`))}, not the papers' entries`)
  }
  // The home page's "Download .bib" cuts the file at every line that opens with @.
  if (bib.split(/\n(?=@)/).length !== graph.papers.length + 1) problems.push('a line opens with @ that is not an entry')
  const parsed = parseBibtex(bib, {sentenceCase: false})
  if (parsed.errors.length > 0) problems.push(`bibtex-parser: ${JSON.stringify(parsed.errors)}`)
  if (parsed.preamble.length + parsed.comments.length + Object.keys(parsed.strings).length > 0) problems.push('a @preamble, @comment or @string')
  const byKey = new Map(parsed.entries.map((entry) => [entry.key, entry]))
  for (const paper of graph.papers) {
    const entry = byKey.get(keys.get(paper.id)!)
    if (!entry) {
      problems.push(`no entry for ${paper.id}`)
      continue
    }
    const meta = graph.meta.get(paper.id)
    const where = publication(paper.venue)
    const url = paper.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : (paper.links.find((l) => /paper|pdf/i.test(l.label)) ?? paper.links[0])?.href
    const expected: Record<string, string | undefined> = {
      title: fold(paper.title),
      author: meta?.authors.map(fold).join(' and '),
      booktitle: where.kind === 'inproceedings' ? fold(where.booktitle) : undefined,
      journal: where.kind === 'article' ? fold(where.journal) : undefined,
      howpublished: where.kind === 'preprint' && where.howpublished ? fold(where.howpublished) : undefined,
      eprint: paper.arxiv,
      archiveprefix: paper.arxiv ? 'arXiv' : undefined,
      primaryclass: paper.arxiv ? meta?.primaryCategory : undefined,
      doi: meta?.doi,
      url: url && sameUrl(url)
    }
    const found: Record<string, string | undefined> = {}
    for (const [name, value] of Object.entries(entry.fields)) {
      if (name === 'year' || name === 'month') continue
      found[name] = name === 'author' ? (value as Creator[]).map((c) => c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ')).join(' and ') : name === 'url' ? sameUrl(String(value)) : fold(String(value))
    }
    const want = Object.fromEntries(Object.entries(expected).filter(([, value]) => value !== undefined && value !== ''))
    if (JSON.stringify(found, Object.keys(found).sort()) !== JSON.stringify(want, Object.keys(want).sort())) problems.push(`${paper.id}: read back ${JSON.stringify(found)}, written from ${JSON.stringify(want)}`)
  }
  return problems
}

/** A URL as a server reads it: WHATWG's form, with the escapes of characters BibTeX cannot hold as they are read back. */
function sameUrl(url: string): string {
  return new URL(url).href.replace(/%(7B|7D|5C|24|20)/g, (escape) => decodeURIComponent(escape))
}

const atomNs = 'http://www.w3.org/2005/Atom'
const sitemapNs = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const vocabulary: Record<string, Record<string, string[]>> = {
  [atomNs]: {
    feed: [],
    title: [],
    subtitle: [],
    id: [],
    link: ['rel', 'type', 'href', 'title'],
    updated: [],
    published: [],
    author: [],
    name: [],
    generator: [],
    entry: [],
    category: ['term', 'label'],
    summary: []
  },
  [sitemapNs]: {urlset: [], url: [], loc: [], lastmod: []}
}

/** Every node that is not an element of the vocabulary, with only its attributes, or text. */
function xmlProblems(text: string, namespace: string): string[] {
  const problems: string[] = []
  let document
  try {
    document = parseXml(text)
  } catch (error) {
    return [`xmldom: ${(error as Error).message.split('\n')[0]}`]
  }
  const stack: XmlNode[] = [document.documentElement!]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.nodeType === node.TEXT_NODE) continue
    if (node.nodeType !== node.ELEMENT_NODE) {
      problems.push(`a node of type ${node.nodeType}: ${String(node.nodeValue).slice(0, 60)}`)
      continue
    }
    const element = node as Element
    const allowed = vocabulary[namespace]![element.localName ?? '']
    if (element.namespaceURI !== namespace || !allowed) problems.push(`element {${element.namespaceURI}}${element.localName}`)
    for (let a = 0; a < element.attributes.length; a++) {
      const attribute = element.attributes.item(a)!
      const isOwnNamespace = attribute.name === 'xmlns' && attribute.value === namespace
      if (!isOwnNamespace && !(allowed ?? []).includes(attribute.name)) problems.push(`attribute ${attribute.name} on ${element.localName}`)
    }
    for (let child = element.firstChild; child; child = child.nextSibling) stack.push(child)
  }
  return problems
}

/** libxml2's errors over many documents at once (one run of xmllint): well-formedness, and the schema when one is given. */
async function libxml2Problems(documents: Array<[string, string]>, schema?: URL): Promise<string[]> {
  const xml = documents.map(([name, text], n) => ({fileName: `document-${n}.xml`, contents: text, name}))
  const result = await validateXML({xml, ...(schema ? {schema: [{fileName: 'schema.xsd', contents: readFileSync(schema, 'utf8')}]} : {normalization: 'c14n' as const})})
  return result.errors.map((error) => `${xml.find((file) => file.fileName === error.loc?.fileName)?.name ?? ''}: ${error.rawMessage}`)
}

/** The text of the Atom entries, by the page each links to. */
function feedEntries(text: string): Map<string, {title: string; summary: string; authors: string[]; categories: string[]; published: string | undefined}> {
  const entries = new Map()
  const feed = parseXml(text).documentElement!
  for (const entry of Array.from(feed.getElementsByTagNameNS(atomNs, 'entry'))) {
    const one = (name: string) => entry.getElementsByTagNameNS(atomNs, name)[0]?.textContent ?? undefined
    const page = Array.from(entry.getElementsByTagNameNS(atomNs, 'link')).find((link) => link.getAttribute('rel') === 'alternate')!.getAttribute('href')!
    entries.set(new URL(page).pathname.slice(1), {
      title: one('title'),
      summary: one('summary'),
      authors: Array.from(entry.getElementsByTagNameNS(atomNs, 'name'), (name) => name.textContent),
      categories: Array.from(entry.getElementsByTagNameNS(atomNs, 'category'), (category) => category.getAttribute('label')),
      published: one('published')
    })
  }
  return entries
}

interface GraphJson {
  title: string
  sections: Array<{title: string; description: string | null}>
  papers: Array<{id: string; number: number; title: string; page: string; venue: string; labels: string[]; summary: string | null; links: Array<{label: string; href: string}>; authors: string[]; published: string | null}>
  models: Array<{name: string}>
  datasets: Array<{name: string}>
  methods: Array<{name: string}>
  labels: Array<{id: string; name: string}>
}

describe('every payload, through every field of every format', () => {
  let main: Built
  let formats: Formats
  let titles: Array<{payload: Payload; formats: Formats}>
  /** A payload in published, updated or primaryCategory of every entry: each build is refused. */
  const refused: Record<'published' | 'updated' | 'primaryCategory', Built | undefined> = {published: undefined, updated: undefined, primaryCategory: undefined}
  let reportFiles: VFile[]

  beforeAll(async () => {
    const {readme, meta} = hostileList()
    main = await buildList('formats', readme, meta, {allowErrors: true})
    expect(main.result.written).toBe(true)
    formats = builtFormats(main)
    titles = payloads.map((payload) => ({payload, formats: titleFormats(payload)}))
    const list = `# List\n\n## Papers\n\n${payloads.map((_, i) => paper(i + 1, `Paper ${i + 1}`, arxivOf(i))).join('')}`
    for (const field of Object.keys(refused) as Array<keyof typeof refused>) {
      refused[field] = await buildList(`refused-${field}`, list, Object.fromEntries(payloads.map(({text}, i) => [arxivOf(i), cached(`Paper ${i + 1}`, {[field]: text})])))
    }
    reportFiles = [main, ...Object.values(refused)].flatMap((site) => site!.result.files)
  }, 120_000)

  it('writes each payload into every field: graph.json holds the sanitized input, value for value', () => {
    const graph = JSON.parse(formats.json) as GraphJson
    const label = new Map(graph.labels.map((l) => [l.id, l.name]))
    payloads.forEach(({text, name}, i) => {
      const n = i + 1
      const shown = fromReadme(text)
      const paper = graph.papers.find((p) => p.number === n)!
      const section = graph.sections.find((s) => s.title.endsWith(` H${n}`))
      expect(
        {
          title: fold(paper.title),
          venue: fold(paper.venue),
          label: paper.labels.map((id) => fold(label.get(id)!)),
          summary: fold(paper.summary ?? ''),
          link: fold(paper.links[0]!.label),
          section: [fold(section?.title ?? ''), fold(section?.description ?? '')],
          names: [graph.models, graph.datasets, graph.methods].map((list) => fold(list.find((entity) => entity.name.endsWith(` ${'MDF'[[graph.models, graph.datasets, graph.methods].indexOf(list)]}${n}`))?.name ?? '')),
          authors: paper.authors.map(fold),
          published: paper.published
        },
        name
      ).toEqual({
        title: `${shown} T${n}`,
        venue: `V${n} ${shown} V${n}`,
        label: [`${fromReadme(text.replace(/[,;]/g, '/'))} B${n}`],
        summary: `${shown} S${n}`,
        link: `${shown} L${n}`,
        section: [`${shown} H${n}`, `${shown} Q${n}`],
        names: [`${shown} M${n}`, `${shown} D${n}`, `${shown} F${n}`],
        authors: [`${fromMeta(text)} A`, 'Ann Author'],
        published: '2024-02-05T08:09:47Z'
      })
    })
    expect(graph.papers.filter((p) => p.number >= 100).map((p) => p.links[0]!.href)).toEqual(urlPayloads)
    for (const {payload, formats: own} of titles) expect(fold(JSON.parse(own.json).title), payload.name).toBe(fromReadme(payload.text))
  })

  it('papers.bib: BibTeX reads the papers\' entries and nothing else, and bibtex-parser reads every value back as it was', () => {
    expect(bibProblems(formats.bib, formats.graph)).toEqual([])
    for (const {payload, formats: own} of titles) {
      expect(bibProblems(own.bib, own.graph), payload.name).toEqual([])
      // The title stays in the header, as a comment BibTeX skips.
      expect(own.bib.split('\n')[0], payload.name).toMatch(/^% .+: 1 papers\./)
    }
  })

  it('feed.xml and sitemap.xml: well-formed for xmldom and libxml2, nothing outside the Atom and sitemap vocabularies, every text as written', async () => {
    const sites = [['the list', formats], ...titles.map(({payload, formats: f}) => [payload.name, f] as const)] as const
    for (const [name, own] of sites) {
      expect(xmlProblems(own.feed, atomNs), name).toEqual([])
      expect(xmlProblems(own.sitemap, sitemapNs), name).toEqual([])
      expect(atomProblems(own.feed), name).toEqual([])
    }
    expect(await libxml2Problems(sites.map(([name, own]) => [name, own.feed]))).toEqual([])
    expect(await libxml2Problems(sites.map(([name, own]) => [name, own.sitemap]), new URL('./fixtures/sitemap.xsd', import.meta.url))).toEqual([])
    const entries = feedEntries(formats.feed)
    // xmldom reads U+2028 as a line break: white space is compared folded.
    const folded = (value: unknown): unknown => (typeof value === 'string' ? fold(value) : Array.isArray(value) ? value.map(folded) : value)
    for (const paper of formats.graph.papers) {
      const entry = entries.get(`papers/${paper.id}/`)!
      const meta = formats.graph.meta.get(paper.id)
      expect(Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, folded(value)])), paper.id).toMatchObject({
        title: fold(paper.title),
        authors: (meta?.authors ?? []).map(fold),
        categories: paper.labels.map((id) => fold(formats.graph.label.get(id)!.name)),
        ...(meta ? {summary: fold(meta.abstract), published: '2024-02-05T08:09:47Z'} : {})
      })
    }
    for (const {payload, formats: own} of titles) {
      const title = parseXml(own.feed).documentElement!.getElementsByTagNameNS(atomNs, 'title')[0]!.textContent
      expect(title, payload.name).toBe(`${own.graph.title}: new papers`)
    }
  })

  it('the HTML pages: valid, and every payload on them as text', async () => {
    const errors: string[] = []
    for (const [path, html] of [...formats.pages, ...titles.map(({payload, formats: own}) => [payload.name, own.pages.get('index.html')!] as const)]) {
      const report = await htmlValidate.validateString(html, path)
      for (const result of report.results) for (const message of result.messages) errors.push(`${path} ${message.line}:${message.column} ${message.ruleId} ${message.message}`)
      // JSON-LD is a data block: one JSON value, with no < or > that could end it.
      for (const [, data] of html.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)) {
        if (/[<>]/.test(data!)) errors.push(`${path}: JSON-LD with < or >`)
        JSON.parse(data!)
      }
      const scripts = html.match(/<script\b/g)?.length ?? 0
      const own = html.match(/<script (type="module" src="\/(assets|src\/client)\/[\w.-]+"><\/script>|type="application\/ld\+json">)/g)?.length ?? 0
      if (scripts !== own) errors.push(`${path}: a script that is not the site's own`)
    }
    expect(errors).toEqual([])
    for (const paper of formats.graph.papers) {
      const html = formats.pages.get(`papers/${paper.id}/index.html`)!
      expect(html, paper.id).toContain(`<h1 id="page-title" dir="auto">${escapeHtml(paper.title)}</h1>`)
      const meta = formats.graph.meta.get(paper.id)
      if (meta) expect(html, paper.id).toContain(escapeHtml(meta.abstract))
    }
    for (const {payload, formats: own} of titles) expect(own.pages.get('index.html'), payload.name).toContain(escapeHtml(own.graph.title))
  })

  it('no file of any of these sites carries a control character, a noncharacter or a lone surrogate', () => {
    const carrying: string[] = []
    for (const [name, own] of [['the list', formats], ...titles.map(({payload, formats: f}) => [payload.name, f] as const)] as const) {
      for (const [path, text] of [['papers.bib', own.bib], ['feed.xml', own.feed], ['sitemap.xml', own.sitemap], ['graph.json', own.json], ...own.pages] as const) {
        const found = forbidden.exec(text)
        if (found) carrying.push(`${name}: ${path}: U+${found[0].charCodeAt(0).toString(16)}`)
      }
    }
    expect(carrying).toEqual([])
  })

  it('papers.meta.json: a payload in published, updated or primaryCategory is refused for every entry, at the field\'s path', () => {
    for (const [field, site] of Object.entries(refused)) {
      expect(site!.result.written, field).toBe(false)
      expect(site!.messages, field).toEqual(
        payloads.map((_, i) => expect.stringMatching(new RegExp(`^papers\\.meta\\.json: papers\\["${arxivOf(i).replace('.', '\\.')}"\\]\\.${field}: ".*" is not (an ISO 8601 date-time|an arXiv category)`)))
      )
    }
  })

  // The CI log's three formats quote the README and the cache: `##[` and `::` are inert anywhere in a
  // message, and the step summary is an HTML block whose README text is escaped.

  it('the terminal report: one line per message, without control characters, none a line the runner reads as a command', () => {
    const text = formatMessages(reportFiles, {verbose: true})
    const count = reportFiles.reduce((sum, file) => sum + file.messages.length, 0)
    expect(count).toBeGreaterThan(payloads.length * 4)
    const lines = text.split('\n')
    expect(lines.length).toBe(count + 2)
    for (const line of lines) {
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/)
      expect(line.trimStart()).not.toMatch(/^::/)
    }
  })

  // `##[` is a runner command anywhere in a line.
  it('the terminal report has no `##[` and no `::` in any message', () => {
    const lines = formatMessages(reportFiles, {verbose: true}).split('\n')
    expect(lines.filter((line) => /##\[|::/.test(line))).toEqual([])
  })

  // The runner reads a line to CR or LF; U+2028 inside one is text.
  const command = /^::(error|warning) file=([^,:\r\n]*),line=(\d+),col=(\d+)(?:,endLine=(\d+),endColumn=(\d+))?,title=([^,:\r\n]*)::([^\r\n]*)$/

  it('GitHub annotations: one workflow command per line, its properties escaped, its message on one line', () => {
    const lines = annotations(reportFiles)
    expect(lines.length).toBe(reportFiles.reduce((sum, file) => sum + file.messages.length, 0))
    for (const line of lines) {
      expect(line).toMatch(command)
      const data = command.exec(line)![8]!
      expect(data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')).not.toMatch(/[\r\n]/)
    }
  })

  // The runner reads `##[cmd]` anywhere in a line.
  it('GitHub annotations carry no second command: no `::` and no `##[` in their message', () => {
    const data = annotations(reportFiles).map((line) => command.exec(line)?.[8] ?? line)
    expect(data.filter((text) => /##\[|::/.test(text))).toEqual([])
  })

  // As GitHub renders it: GFM with its HTML, which an HTML parser then reads as a browser would.
  const summaryTree = () => {
    const tree = raw(toHast(unified().use(remarkParse).use(remarkGfm).parse(stepSummary(reportFiles)), {allowDangerousHtml: true}))
    const nodes: HastNode[] = []
    const stack: HastNode[] = [tree]
    for (let node = stack.pop(); node; node = stack.pop()) {
      nodes.push(node)
      if ('children' in node) stack.push(...(node.children as HastNode[]))
    }
    return nodes
  }

  it('the step summary: a table with a row per message', () => {
    const rows = summaryTree().filter((node) => node.type === 'element' && node.tagName === 'tr')
    expect(rows.length).toBe(reportFiles.reduce((sum, file) => sum + file.messages.length, 0) + 1)
  })

  it('the step summary shows README text only as text: no link, image, or HTML but the summary\'s own table', () => {
    const elements = new Set(summaryTree().flatMap((node) => (node.type === 'element' ? [node.tagName] : [])))
    expect([...elements].sort()).toEqual(['code', 'h2', 'p', 'table', 'tbody', 'td', 'th', 'thead', 'tr'])
  })
})

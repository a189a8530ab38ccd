import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {execFileSync} from 'node:child_process'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {build} from '../src/build.ts'
import {seedSource} from './helpers/seed.ts'
import {scriptedRepo} from './helpers/git-repo.ts'
import {brokenLinks} from './helpers/links.ts'

/**
 * A list whose README has a scripted history:
 * 1. 2024-01-15 10:00 +02:00: papers [1]–[3], [2]'s title with a typo, README.md at the root;
 * 2. 2024-05-20 12:00 UTC: the typo fixed, paper [4] added;
 * 3. 2024-06-10 08:30 −04:00: README.md moved to content/README.md, paper [5] added.
 */
const entry = (n: number) => new RegExp(`- \\[${n}\\][^\\n]*\\n[^\\n]*\\n`)
const v3 = seedSource
const v2 = v3.replace(entry(5), '')
const v1 = v2.replace(entry(4), '').replace('More Redundant', 'More Redundent')
const tmp = mkdtempSync(join(tmpdir(), 'site-history-test-'))
const repo = scriptedRepo(
  [
    {date: '2024-01-15T10:00:00+02:00', files: {'README.md': v1}},
    {date: '2024-05-20T12:00:00Z', files: {'README.md': v2}},
    {date: '2024-06-10T08:30:00-04:00', rename: ['README.md', 'content/README.md'], files: {'content/README.md': v3}}
  ],
  join(tmp, 'repo')
)
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

const siteUrl = 'https://lab.example.org'
const read = (out: string, path: string) => readFileSync(join(out, path), 'utf8')
const feedEntries = (xml: string) => Array.from(xml.matchAll(/<entry>[^]*?<link rel="alternate" type="text\/html" href="[^"]*\/papers\/([^/]+)\/"\/>[^]*?<updated>([^<]+)<\/updated>/g), (m) => [m[1], m[2]])
const lastmods = (xml: string) => new Map(Array.from(xml.matchAll(/<loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod>/g), (m) => [m[1]!.slice(siteUrl.length), m[2]!]))
const added = (html: string) => /<dt>In this list since<\/dt><dd><time datetime="([^"]+)">([^<]+)<\/time> <span class="fact-note">([^<]+)</.exec(html)?.slice(1)

describe('dates from a scripted git history', () => {
  const out = join(tmp, 'site')
  beforeAll(async () => {
    const result = await build({input: join(repo, 'content/README.md'), out, base: '/', siteUrl})
    expect(result.written).toBe(true)
  })

  it('dates each paper by the commit that first added its entry, through a rename and a title fix', () => {
    expect(feedEntries(read(out, 'feed.xml'))).toEqual([
      ['laco', '2024-06-10T12:30:00Z'],
      ['pruning-via-merging', '2024-05-20T12:00:00Z'],
      // Added by the same commit: later in the list first.
      ['foldgpt', '2024-01-15T08:00:00Z'],
      ['shortgpt', '2024-01-15T08:00:00Z'],
      ['shortened-llama', '2024-01-15T08:00:00Z']
    ])
    expect(read(out, 'feed.xml')).toContain('<updated>2024-06-10T12:30:00Z</updated>\n  <author>')
    expect(added(read(out, 'papers/shortgpt/index.html'))).toEqual(['2024-01-15', '15 Jan 2024', 'when its entry first appeared in the list'])
    expect(added(read(out, 'papers/laco/index.html'))?.slice(0, 2)).toEqual(['2024-06-10', '10 Jun 2024'])
  })

  it('marks as new the papers added in the 30 days up to the newest commit, not up to today', () => {
    const home = read(out, 'index.html')
    const badged = Array.from(home.matchAll(/<li class="paper[^"]*" id="paper-([^"]+)"[^]*?<\/li>/g)).filter((m) => m[0].includes('badge-new')).map((m) => m[1])
    expect(badged).toEqual(['pruning-via-merging', 'laco'])
    const page = read(out, 'new/index.html')
    expect(page).toContain('2 papers added in the 30 days up to 10 Jun 2024')
    expect(page).toContain('Added in June 2024')
    expect(page).toContain('3 commits, the newest on 2024-06-10')
    expect(page.indexOf('id="paper-laco"')).toBeLessThan(page.indexOf('id="paper-pruning-via-merging"'))
    expect(page.indexOf('id="paper-pruning-via-merging"')).toBeLessThan(page.indexOf('id="paper-shortened-llama"'))
  })

  it('says why no paper is marked New: the list began within the 30 days, or nothing was added in them', async () => {
    const page = async (name: string, commits: Parameters<typeof scriptedRepo>[0]) => {
      const site = join(tmp, `${name}-site`)
      expect((await build({input: join(scriptedRepo(commits, join(tmp, name)), 'README.md'), out: site})).written).toBe(true)
      return read(site, 'new/index.html')
    }
    const began = await page('began', [{date: '2024-01-15T10:00:00Z', files: {'README.md': v3}}])
    expect(began).toContain('The list began within the 30 days up to 15 Jan 2024, the list’s latest change. The papers it began with are not marked New')
    expect(began).not.toMatch(/0 papers added/)
    const quiet = await page('quiet', [
      {date: '2024-01-15T10:00:00Z', files: {'README.md': v1}},
      {date: '2024-05-20T12:00:00Z', files: {'README.md': v2}},
      {date: '2024-09-01T12:00:00Z', files: {'README.md': `${v2}\n`}}
    ])
    expect(quiet).toContain('No paper was added in the 30 days up to 1 Sep 2024, the list’s latest change, so none is marked New.')
  })

  it('gives the sitemap a lastmod from the history: an entry’s last change, a row’s or its papers’, else the newest commit', () => {
    const dates = lastmods(read(out, 'sitemap.xml'))
    expect(dates.get('/papers/shortgpt/')).toBe('2024-05-20T12:00:00Z')
    expect(dates.get('/papers/shortened-llama/')).toBe('2024-01-15T08:00:00Z')
    expect(dates.get('/papers/laco/')).toBe('2024-06-10T12:30:00Z')
    expect(dates.get('/models/mixtral-7b/')).toBe('2024-05-20T12:00:00Z')
    expect(dates.get('/models/llama-7b/')).toBe('2024-01-15T08:00:00Z')
    expect(dates.get('/')).toBe('2024-06-10T12:30:00Z')
    expect(dates.has('/404.html')).toBe(false)
  })

  it('builds the same bytes twice', async () => {
    const again = join(tmp, 'again')
    await build({input: join(repo, 'content/README.md'), out: again, base: '/', siteUrl})
    for (const file of ['feed.xml', 'sitemap.xml', 'index.html', 'new/index.html']) expect(read(again, file)).toBe(read(out, file))
  })

  it('falls back to the paper’s own date for an entry not committed yet, and says so', async () => {
    const work = join(tmp, 'work')
    cpSync(repo, work, {recursive: true})
    const extra = '- [6] BlockPruner: Fine-grained Pruning for Large Language Models\n  Arxiv, [Paper](https://arxiv.org/pdf/2406.10594)\n'
    writeFileSync(join(work, 'content/README.md'), v3.replace(entry(5), (five) => five + extra))
    const site = join(tmp, 'work-site')
    expect((await build({input: join(work, 'content/README.md'), out: site})).written).toBe(true)
    expect(added(read(site, 'papers/blockpruner/index.html'))).toEqual(['2024-06', 'Jun 2024', 'the paper’s own date: the list’s history does not have it'])
    expect(read(site, 'new/index.html')).toContain('1 paper is not in the history that this build could read')
    expect(read(site, 'papers/blockpruner/index.html')).not.toContain('badge-new')
    expect(added(read(site, 'papers/laco/index.html'))?.[0]).toBe('2024-06-10')
  })

  it('in a shallow clone, trusts no date from the cut-off commit', async () => {
    const shallow = join(tmp, 'shallow')
    execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${repo}`, shallow], {stdio: 'ignore'})
    const site = join(tmp, 'shallow-site')
    expect((await build({input: join(shallow, 'content/README.md'), out: site})).written).toBe(true)
    expect(added(read(site, 'papers/laco/index.html'))).toEqual(['2024-02', 'Feb 2024', 'the paper’s own date: the list’s history does not have it'])
    expect(read(site, 'new/index.html')).toContain('5 papers are not in the history that this build could read')
    expect(read(site, 'index.html')).not.toContain('badge-new')
  })

  it('without a repository, uses the papers’ own dates, says why, and leaves lastmod out', async () => {
    const bare = join(tmp, 'no-git')
    cpSync(join(repo, 'content'), bare, {recursive: true})
    const site = join(tmp, 'no-git-site')
    expect((await build({input: join(bare, 'README.md'), out: site, siteUrl})).written).toBe(true)
    expect(read(site, 'new/index.html')).toContain('This build had no git history of the list (the list is not in a git repository)')
    expect(read(site, 'new/index.html')).toContain('Dated July 2024')
    expect(read(site, 'sitemap.xml')).not.toContain('<lastmod>')
    expect(feedEntries(read(site, 'feed.xml'))[0]).toEqual(['foldgpt', '2024-07-01T00:00:00Z'])
    expect(brokenLinks(site, '/')).toEqual([])
  })
})

describe('citation keys over a history', () => {
  const surgeon = `# List

## Papers
- [1] The LLM Surgeon
  ICLR 2024, [Paper](https://openreview.net/forum?id=DYIIRgwg2i)
`
  const both = `${surgeon}- [2] LLM Inference Unveiled: Survey and Roofline Model Insights
  Arxiv, [Paper](https://arxiv.org/abs/2402.16363)
`
  const keysOf = (out: string) => Object.fromEntries((JSON.parse(read(out, 'graph.json')) as {papers: Array<{id: string; citationKey: string}>}).papers.map((paper) => [paper.id, paper.citationKey]))

  it('keep a listed paper’s key when a later paper would share it, even one with an arXiv id', async () => {
    const keys = join(tmp, 'keys')
    const history = scriptedRepo(
      [
        {date: '2024-03-01T10:00:00Z', files: {'README.md': surgeon}},
        {date: '2024-04-01T10:00:00Z', files: {'README.md': both}}
      ],
      join(keys, 'repo')
    )
    const first = join(keys, 'first')
    const result = await build({input: join(history, 'README.md'), out: first, base: '/'})
    expect(result.written).toBe(true)
    expect(keysOf(first)).toEqual({'the-llm-surgeon': 'llm2024', 'llm-inference-unveiled': 'llm2024b'})
  })
})

describe('dates without a history', () => {
  it('show no more than the paper’s own date says: a month from an arXiv id, a year from a venue', async () => {
    const dir = join(tmp, 'precision')
    const input = join(dir, 'README.md')
    execFileSync('mkdir', ['-p', dir])
    writeFileSync(input, `# L

## Papers
- [1] Venue Paper: Year Only
  NeurIPS 2023, [Paper](https://openreview.net/forum?id=abc)
- [2] Month Paper: From arXiv
  Arxiv, [Paper](https://arxiv.org/abs/2312.00001)
- [3] January Paper
  Arxiv, [Paper](https://arxiv.org/abs/2301.00002)
`)
    const out = join(dir, 'site')
    expect((await build({input, out, base: '/', history: false})).written).toBe(true)
    expect(added(read(out, 'papers/venue-paper/index.html'))?.slice(0, 2)).toEqual(['2023', '2023'])
    expect(added(read(out, 'papers/month-paper/index.html'))?.slice(0, 2)).toEqual(['2023-12', 'Dec 2023'])
    // The data says no more than the page: no invented first day.
    const graph = JSON.parse(read(out, 'graph.json')) as {papers: Array<{id: string; added: string}>}
    expect(graph.papers.map((paper) => [paper.id, paper.added])).toEqual([['venue-paper', '2023'], ['month-paper', '2023-12'], ['january-paper', '2023-01']])
    expect(read(out, 'papers/venue-paper/index.html')).toContain('"dateCreated":"2023"')
    // The year-only paper is grouped under its year, after that year's months, not under an invented January.
    expect(Array.from(read(out, 'new/index.html').matchAll(/<h2 id="([^"]+)">/g), (m) => m[1])).toEqual(['month-2023-12', 'month-2023-01', 'year-2023'])
  })
})

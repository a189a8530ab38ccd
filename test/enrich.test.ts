import {afterAll, afterEach, describe, expect, it} from 'vitest'
import {execFile} from 'node:child_process'
import {copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {build} from '../src/build.ts'
import {parseArxivFeed, FeedError} from '../src/meta/arxiv-feed.ts'
import {parseMetaCache, serializeMetaCache} from '../src/meta/cache.ts'
import {seedPath} from './helpers/seed.ts'
import {replayArxiv, type Behaviour, type ReplayServer} from './helpers/arxiv-replay.ts'
import {networkAttempts} from './helpers/no-network.ts'
import {cli} from '../scripts/shared/cli.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-enrich-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))
let server: ReplayServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const fixture = (name: string) => readFileSync(new URL(`./fixtures/arxiv/${name}`, import.meta.url), 'utf8')
const batches = ['2402.02834,2403.03853', '2407.00928,2406.16330', '2402.11187']
const delay = 150

/** The cache a successful run writes for the seed, made straight from the recorded answers. */
function seedCache(): string {
  const papers = batches.flatMap((ids) => parseArxivFeed(fixture(`${ids.replace(/,/g, '_')}.xml`)))
  return serializeMetaCache(new Map(papers.map((paper) => [paper.arxiv, paper])))
}

/** Runs `npm run enrich`'s script as a user would, against the replay server. Never the real network. */
async function enrich(cache: string, script: Record<string, Behaviour[]>, extra: string[] = []) {
  server = await replayArxiv(script)
  const [node, args] = cli('enrich', '--input', seedPath, '--cache', cache, '--api', server.api, '--batch-size', '2', '--delay', String(delay), '--timeout', '700', '--retries', '3', ...extra)
  try {
    const {stdout, stderr} = await promisify(execFile)(node, args, {encoding: 'utf8'})
    return {status: 0, stdout, stderr, requests: server.requests}
  } catch (error) {
    const failure = error as {code: number; stdout: string; stderr: string}
    return {status: failure.code, stdout: failure.stdout, stderr: failure.stderr, requests: server.requests}
  }
}

describe('reading the arXiv API', () => {
  it('reads ids without version, unwrapped titles and abstracts, authors in order, dates and the category', () => {
    const [first, second] = parseArxivFeed(fixture('2402.02834_2403.03853.xml'))
    expect(first).toMatchObject({
      arxiv: '2402.02834',
      title: 'Shortened LLaMA: Depth Pruning for Large Language Models with Comparison of Retraining Methods',
      published: '2024-02-05T08:09:47Z',
      updated: '2024-06-23T09:12:01Z',
      primaryCategory: 'cs.LG'
    })
    expect(first!.authors[0]).toBe('Bo-Kyeong Kim')
    expect(first!.abstract).toMatch(/^Structured pruning of modern large language models \(LLMs\) has emerged as a way of decreasing/)
    expect(second?.authors).toHaveLength(8)
  })

  it('rejects a cut-off answer, and skips the error entries arXiv sends for unknown ids', () => {
    expect(() => parseArxivFeed(fixture('malformed.xml'))).toThrow(FeedError)
    expect(() => parseArxivFeed('<html><body>Rate exceeded</body></html>')).toThrow('not an Atom feed')
    const unknown = fixture('2402.11187.xml').replace('<entry>', '<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_99</id><title>Error</title></entry><entry>')
    expect(parseArxivFeed(unknown).map((paper) => paper.arxiv)).toEqual(['2402.11187'])
  })
})

describe('npm run enrich, end to end against a local replay of the arXiv API', () => {
  it('fetches every arXiv paper in batches, spaced by the rate limit, through an error, malformed XML and a timeout', async () => {
    const cache = join(tmp, 'meta.json')
    const run = await enrich(cache, {[batches[1]!]: [503, 'malformed', 'timeout']})
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.requests.map((r) => [r.ids, r.behaviour])).toEqual([
      [batches[0], 'ok'],
      [batches[1], 503],
      [batches[1], 'malformed'],
      [batches[1], 'timeout'],
      [batches[1], 'ok'],
      [batches[2], 'ok']
    ])
    // Never two requests closer than the delay: it runs from the end of one answer to the next request.
    const gaps = run.requests.slice(1).map((r, n) => r.at - run.requests[n]!.at)
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(delay)
    expect(run.stdout).toContain('HTTP 503; trying again')
    expect(run.stdout).toContain('malformed XML: unclosed xml tag(s)')
    expect(run.stdout).toContain('no answer within 700 ms')
    expect(run.stdout).toContain('5 of 5 arXiv papers cached; fetched 5, 0 failed.')

    expect(readFileSync(cache, 'utf8')).toBe(seedCache())
    const meta = parseMetaCache(readFileSync(cache, 'utf8')).cache
    expect([...meta.keys()]).toEqual(['2402.02834', '2402.11187', '2403.03853', '2406.16330', '2407.00928'])
    expect(meta.get('2403.03853')).toMatchObject({authors: expect.arrayContaining(['Xin Men', 'Weipeng Chen']), published: '2024-03-06T17:04:18Z', primaryCategory: 'cs.CL'})

    // A second run has nothing to ask for.
    const again = await enrich(cache, {})
    expect(again.requests).toEqual([])
    expect(again.status).toBe(0)
  })

  it('keeps what it got when a batch fails for good, says which ids and why, and exits 1', async () => {
    const cache = join(tmp, 'partial.json')
    const run = await enrich(cache, {[batches[0]!]: [400], [batches[2]!]: ['malformed', 'malformed', 'malformed', 'malformed']})
    expect(run.status).toBe(1)
    // A 400 is not retried; malformed XML is, up to the limit.
    expect(run.requests.filter((r) => r.ids === batches[0])).toHaveLength(1)
    expect(run.requests.filter((r) => r.ids === batches[2])).toHaveLength(4)
    expect(run.stderr).toContain('2402.02834: HTTP 400: Bad Request: malformed id')
    expect(run.stderr).toContain('2402.11187: malformed XML: unclosed xml tag(s)')
    expect(run.stderr).toContain('(after 4 tries)')
    expect([...parseMetaCache(readFileSync(cache, 'utf8')).cache.keys()]).toEqual(['2406.16330', '2407.00928'])

    // The next run asks only for what is missing.
    const rest = await enrich(cache, {})
    expect(rest.requests.map((r) => r.ids)).toEqual([batches[0], batches[2]])
    expect(rest.status).toBe(0)
  })

  it('refreshes on request, and drops papers the list no longer has', async () => {
    const cache = join(tmp, 'stale.json')
    const stale = JSON.parse(seedCache())
    stale.papers['2401.00001'] = {...stale.papers['2402.02834'], title: 'Gone from the list'}
    writeFileSync(cache, JSON.stringify(stale))
    const run = await enrich(cache, {}, ['--refresh', '2402.11187'])
    expect(run.requests.map((r) => r.ids)).toEqual(['2402.11187'])
    expect(run.stdout).toContain('dropped 1 no longer in the list (2401.00001)')
    expect(parseMetaCache(readFileSync(cache, 'utf8')).cache.has('2401.00001')).toBe(false)
  })
})

describe('a cache that does not hold to its schema', () => {
  it('has the entries that break it fetched again by enrich, which says why', async () => {
    const cache = join(tmp, 'invalid.json')
    const broken = JSON.parse(seedCache())
    broken.papers['2402.11187'].published = 'Feb 5 2024 (x)'
    writeFileSync(cache, `\ufeff${JSON.stringify(broken)}`)
    const run = await enrich(cache, {})
    expect(run.requests.map((r) => r.ids)).toEqual(['2402.11187'])
    expect(run.stdout).toContain('papers["2402.11187"].published: "Feb 5 2024 (x)" is not an ISO 8601 date-time')
    expect(readFileSync(cache, 'utf8')).toBe(seedCache())
  })
})

describe('the build with the cache', () => {
  it('reads only the cache: no connection, no DNS lookup, yet authors, abstracts and complete BibTeX', async () => {
    const dir = join(tmp, 'list')
    rmSync(dir, {recursive: true, force: true})
    const readme = join(dir, 'README.md')
    await import('node:fs/promises').then((fs) => fs.mkdir(dir, {recursive: true}))
    copyFileSync(seedPath, readme)
    writeFileSync(join(dir, 'papers.meta.json'), seedCache())

    const out = join(tmp, 'site')
    const attempts = await networkAttempts(async () => {
      expect((await build({input: readme, out})).written).toBe(true)
    })
    expect(attempts).toEqual([])

    const page = readFileSync(join(out, 'papers/shortgpt/index.html'), 'utf8')
    expect(page).toContain('<p class="authors">Xin Men, Mingyu Xu, Qingyu Zhang, Bingning Wang, Hongyu Lin, Yaojie Lu, Xianpei Han, Weipeng Chen</p>')
    expect(page).toContain('<h2 id="abstract-title">Abstract</h2>')
    expect(page).toContain('As Large Language Models (LLMs) continue to advance in performance')
    expect(page).toContain('<dt>On arXiv</dt><dd>6 Mar 2024</dd>')
    expect(page).toContain('@misc{men2024shortgpt,\n  title         = {{ShortGPT}:Layers in Large Language Models')
    expect(page).toContain('author        = {Xin Men and Mingyu Xu and')
    expect(page).toContain('primaryClass  = {cs.CL}')
    // The home page's cards carry the authors, so the search finds a paper by an author's name.
    const home = readFileSync(join(out, 'index.html'), 'utf8')
    expect(home).toContain('<p class="paper-authors">Yifei Yang, Zouying Cao, Hai Zhao</p>')
    expect(existsSync(join(out, 'papers.bib'))).toBe(true)
  })

  it('stops with a readable error, not a stack trace, when the cache is not valid', async () => {
    const dir = join(tmp, 'bad-cache')
    await import('node:fs/promises').then((fs) => fs.mkdir(dir, {recursive: true}))
    copyFileSync(seedPath, join(dir, 'README.md'))
    writeFileSync(join(dir, 'papers.meta.json'), '{"papers": {"2402.02834": {"title": "x"}}}')
    const result = await build({input: join(dir, 'README.md'), out: join(dir, 'out')})
    expect(result.written).toBe(false)
    expect(result.files[1]?.messages.map((message) => message.reason)).toEqual(['authors', 'abstract', 'published', 'updated'].map((key) => `papers["2402.02834"].${key}: is missing; run \`npm run enrich -- --refresh 2402.02834\` to fetch it again`))
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })
})

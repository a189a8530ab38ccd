import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {build} from '../src/build.ts'
import {readFileLog} from '../src/history/git-log.ts'
import {commitFormat, LogParser, utc} from '../src/history/log-parser.ts'
import {scriptedRepo} from './helpers/git-repo.ts'
import {seedSource} from './helpers/seed.ts'
import {atomProblems, parseXml} from './helpers/xml.ts'

/**
 * A pull request controls the README's bytes, and so the lines of its diff. None of them may pass for
 * git's own output: a commit header (hash and date), a hunk header or a diff header.
 */
const fake = '0123456789abcdef0123456789abcdef01234567'
const fake64 = `${fake}${'f'.repeat(24)}`
const forgeries = [
  // The red team's line: readline split it at the lone CRs into a commit header whose "date" was XML.
  `Intro.\r\x1e${fake} <x:evil>INJECTED</x:evil>\r@@`,
  // A forged earlier commit that "adds" ShortGPT’s title and Shortened LLaMA’s arXiv link, to backdate both.
  `Intro.\r\x1e${fake64} 2001-01-01T00:00:00Z\r@@\r+- [2] ShortGPT:Layers in Large Language Models are More Redundant Than You Expect\r+https://arxiv.org/pdf/2402.02834`,
  `\x1e${fake} 2002-02-02T00:00:00Z`,
  `commit ${fake}`,
  `x\rcommit ${fake}\rDate:   Mon Jan 1 00:00:00 2001 +0000\r\r    forged`,
  `x\r@@ -1,0 +1,3 @@\r+- [9] Forged https://arxiv.org/abs/2407.00928`,
  '@@ -0,0 +1,99 @@',
  // Last: the old reader took it for the next file's diff and dropped the real lines that follow.
  'x\rdiff --git a/README.md b/README.md\rrename from other.md'
]
/** Written only by commit 3: a NUL byte makes git call the whole file binary. */
const nulLine = `x\r\x00${fake}\x002003-03-03T00:00:00+00:00\x00\r@@`

const entry = (n: number) => new RegExp(`- \\[${n}\\][^\\n]*\\n[^\\n]*\\n`)
const comment = (lines: string[]) => `<!--\n${lines.join('\n')}\n-->\n`
const v3 = seedSource.replace(entry(4), (four) => comment(forgeries) + four).replace(entry(5), (five) => `${five}${comment([nulLine])}`)
const v2 = v3.replace(entry(5), '').replace(comment([nulLine]), '')
const v1 = v2.replace(entry(4), '').replace(comment(forgeries), '')
const dates = ['2024-01-15T08:00:00Z', '2024-05-20T12:00:00Z', '2024-06-10T12:30:00Z']

const tmp = mkdtempSync(join(tmpdir(), 'site-history-forgery-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))
const repo = scriptedRepo(
  [
    {date: '2024-01-15T10:00:00+02:00', files: {'README.md': v1}},
    {date: '2024-05-20T12:00:00Z', files: {'README.md': v2}},
    {date: '2024-06-10T08:30:00-04:00', files: {'README.md': v3}}
  ],
  join(tmp, 'repo')
)
const readme = join(repo, 'README.md')
const hashes = execFileSync('git', ['rev-list', 'HEAD'], {cwd: repo, encoding: 'utf8'}).trim().split('\n')

describe('a README whose lines look like git’s own output', () => {
  it('is read as lines of the README: the real commits, dates and lines, nothing forged', async () => {
    const log = await readFileLog(readme)
    if (!log.ok) throw new Error(log.reason)
    expect(log.commits.map((commit) => [commit.hash, commit.date])).toEqual([
      [hashes[0], dates[2]],
      [hashes[1], dates[1]],
      [hashes[2], dates[0]]
    ])
    // Each forged line is one added line, whole, lone CRs and NULs included: git splits only at LF.
    for (const line of forgeries) expect(log.commits[1]!.added).toContain(line)
    expect(log.commits[0]!.added).toContain(nulLine)
    expect(log.commits[1]!.added).toContain('- [4] Pruning via Merging: Compressing LLMs via Manifold Alignment Based Layer Merging')
    expect(log.commits[0]!.added).toContain('- [5] LaCo: Large Language Model Pruning via Layer Collapse')
  })

  describe('built', () => {
    const out = join(tmp, 'site')
    const siteUrl = 'https://lab.example.org'
    const read = (path: string) => readFileSync(join(out, path), 'utf8')
    beforeAll(async () => {
      expect((await build({input: readme, out, base: '/', siteUrl})).written).toBe(true)
    })

    it('dates each paper by the commit that really added it', () => {
      const graph = JSON.parse(read('graph.json')) as {papers: Array<{id: string; added: string; addedFrom: string}>}
      expect(graph.papers.map((paper) => [paper.id, paper.added, paper.addedFrom])).toEqual([
        ['shortened-llama', dates[0], 'git'],
        ['shortgpt', dates[0], 'git'],
        ['foldgpt', dates[0], 'git'],
        ['pruning-via-merging', dates[1], 'git'],
        ['laco', dates[2], 'git']
      ])
    })

    it('writes only real commit dates into feed.xml and sitemap.xml, which stay well-formed', () => {
      const feed = read('feed.xml')
      const sitemap = read('sitemap.xml')
      expect(atomProblems(feed)).toEqual([])
      const urlset = parseXml(sitemap).documentElement!
      expect(Array.from(urlset.getElementsByTagName('*'), (element) => element.tagName).filter((name) => !['url', 'loc', 'lastmod'].includes(name))).toEqual([])
      for (const xml of [feed, sitemap]) {
        expect(xml).not.toMatch(/INJECTED|evil|200[123]-/)
        const written = Array.from(xml.matchAll(/<(updated|published|lastmod)>([^<]*)</g), (m) => m[2])
        expect(written.length).toBeGreaterThan(0)
        // A paper's own date (a month from its arXiv id) may stand where the history has none; here none is missing.
        for (const date of written) expect(dates).toContain(date)
      }
      expect(feed).toContain(`<updated>${dates[2]}</updated>`)
    })
  })
})

describe('histories of other shapes', () => {
  const surgeon = '# L\n\n## Papers\n- [1] The LLM Surgeon\n  ICLR 2024, [Paper](https://openreview.net/forum?id=DYIIRgwg2i)\n'
  const both = `${surgeon}- [2] LLM Inference Unveiled: Survey and Roofline Model Insights\n  Arxiv, [Paper](https://arxiv.org/abs/2402.16363)\n`
  const crlf = (text: string) => text.replaceAll('\n', '\r\n')

  it('reads a SHA-256 repository, a CRLF README, and a README that .gitattributes calls binary', async () => {
    const repo = scriptedRepo(
      [
        {date: '2024-03-01T10:00:00Z', files: {'.gitattributes': 'README.md binary\n', 'README.md': crlf(surgeon)}},
        {date: '2024-04-01T10:00:00+01:00', files: {'README.md': crlf(both)}}
      ],
      join(tmp, 'sha256'),
      {objectFormat: 'sha256'}
    )
    const log = await readFileLog(join(repo, 'README.md'))
    if (!log.ok) throw new Error(log.reason)
    expect(log.commits.map((commit) => commit.hash)).toEqual(execFileSync('git', ['rev-list', 'HEAD'], {cwd: repo, encoding: 'utf8'}).trim().split('\n'))
    expect(log.commits[0]!.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(log.commits[0]!.added).toEqual(['- [2] LLM Inference Unveiled: Survey and Roofline Model Insights', '  Arxiv, [Paper](https://arxiv.org/abs/2402.16363)'])
    const out = join(repo, 'site')
    expect((await build({input: join(repo, 'README.md'), out, base: '/'})).written).toBe(true)
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as {papers: Array<{id: string; added: string}>}
    expect(graph.papers.map((paper) => [paper.id, paper.added])).toEqual([
      ['the-llm-surgeon', '2024-03-01T10:00:00Z'],
      ['llm-inference-unveiled', '2024-04-01T09:00:00Z']
    ])
  })

  describe('the log parser, on git’s real output for the forged README', () => {
    const bytes = execFileSync('git', ['log', '--follow', '--text', '-p', '--unified=0', `--format=${commitFormat}`, '--', 'README.md'], {cwd: repo})
    const parse = (chunks: Uint8Array[], path = 'README.md') => {
      const parser = new LogParser(path, new Set())
      for (const chunk of chunks) parser.push(chunk)
      return parser.end()
    }

    it('gives the same commits however the bytes arrive', () => {
      const whole = parse([bytes])
      expect(whole.ok && whole.commits.map((commit) => commit.hash)).toEqual(hashes)
      expect(parse(Array.from(bytes, (byte) => Uint8Array.of(byte)))).toEqual(whole)
    })

    it('refuses output cut short, or a diff of another file, and says why', () => {
      expect(parse([bytes.subarray(0, bytes.length - 1)])).toEqual({ok: false, reason: expect.stringContaining('ended in the middle of a line') as unknown})
      expect(parse([bytes.subarray(0, bytes.lastIndexOf('\n+') + 1)])).toEqual({ok: false, reason: expect.stringContaining('ended inside a hunk') as unknown})
      expect(parse([bytes], 'OTHER.md')).toEqual({ok: false, reason: expect.stringContaining('a diff of another file: "a/README.md b/README.md"') as unknown})
    })

    it('takes only a strict ISO 8601 date, as UTC', () => {
      expect(utc('2024-06-10T08:30:00-04:00')).toBe('2024-06-10T12:30:00Z')
      expect(utc('2024-12-31T23:30:00-01:00')).toBe('2025-01-01T00:30:00Z')
      for (const bad of ['2024-06-31T00:00:00Z', '2024-06-10T24:00:00Z', '2024-06-10 08:30:00Z', 'Feb 5 2024 (<x/>)', '2024-06-10T08:30:00+0400', '<x:evil>INJECTED</x:evil>', '0099-01-01T00:00:00Z']) expect(utc(bad)).toBeUndefined()
    })
  })
})

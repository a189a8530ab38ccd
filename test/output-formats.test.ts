import {afterAll, describe, expect, it} from 'vitest'
import {mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {parse as parseBibtex} from '@retorquere/bibtex-parser'
import {build, type BuildResult} from '../src/build.ts'
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
async function buildList(name: string, readme: string, meta?: string | object, options: {allowErrors?: boolean} = {}): Promise<Built> {
  const dir = join(tmp.dir, name)
  mkdirSync(dir, {recursive: true})
  writeFileSync(join(dir, 'README.md'), readme)
  if (meta !== undefined) writeFileSync(join(dir, 'papers.meta.json'), typeof meta === 'string' ? meta : JSON.stringify({papers: meta}))
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
})

import {afterAll, describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {readFileSync, truncateSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {build} from '../src/build.ts'
import {createDevSite} from '../src/dev/state.ts'
import {limits} from '../src/parse/limits.ts'
import {renderSite} from '../src/render/index.ts'
import {analyzeText, completed} from './helpers/seed.ts'
import {fakeAssets} from '../scripts/fuzz/readme.ts'
import {scratch} from './helpers/scratch.ts'
import {cli} from '../scripts/shared/cli.ts'

/**
 * Small inputs that ran for minutes or took gigabytes (issue 9, findings 6 and 7), each made just over its
 * limit: each must end with its error at its line, before the parser is given the text. The full-size
 * inputs, with their times and peak memory, are in `npm run slow-inputs` (docs/QUALITY.md).
 */
const tmp = scratch('limits')
afterAll(() => tmp.dispose())

const paper = '## Papers\n\n- [1] A Paper\n  Arxiv, [Paper](https://arxiv.org/abs/2402.02834)\n'
const models = (rows: string[]) => `## Models\n\n| Name | Paper |\n|---|---|\n${rows.join('\n')}\n`

/** The errors of a README given as text: rule id and line, and whether the analysis stopped before a graph. */
function errors(source: string) {
  const {file, graph} = analyzeText(source)
  return {stopped: graph === undefined, found: file.messages.filter((m) => m.fatal).map((m) => [m.ruleId, m.line])}
}

describe('nesting (finding 6)', () => {
  it('refuses 5,000 nested emphases with the line, where they overflowed the stack', () => {
    const source = `# T\n\n${paper}\n${'*a '.repeat(5000)}x${' b*'.repeat(5000)}\n`
    const {file, graph} = analyzeText(source)
    expect(graph).toBeUndefined()
    expect(file.messages.map((m) => [m.ruleId, m.line, m.fatal])).toEqual([['nesting-too-deep', 8, true]])
  })

  it('refuses links, strikethroughs and strong emphasis nested 2,000 deep alike', () => {
    for (const [open, close] of [['[', '](https://x.example)'], ['~~', '~~'], ['**', '**'], ['_', '_']] as const) {
      const {stopped, found} = errors(`# T\n\n${(`${open}a `).repeat(2000)}x${(` b${close}`).repeat(2000)}\n`)
      expect(stopped).toBe(true)
      expect(found).toEqual([['nesting-too-deep', 3]])
    }
  })

  it('ends the build and the dev server with the message, not a crash', async () => {
    const input = join(tmp.dir, 'deep.md')
    writeFileSync(input, `# T\n\n${'*a '.repeat(5000)}x${' b*'.repeat(5000)}\n`)
    const result = await build({input, out: join(tmp.dir, 'deep-out')})
    expect(result.written).toBe(false)
    expect(result.files[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual([['nesting-too-deep', 3]])
    const [file] = await createDevSite({input}).refresh()
    expect(file!.messages.map((m) => [m.ruleId, m.line])).toEqual([['nesting-too-deep', 3]])
  })

  it('keeps nesting a real list uses', () => {
    expect(errors(`# T\n\n${paper}\n${'*a '.repeat(20)}x${' b*'.repeat(20)} and ***bold*** and [**[x](https://x.example)**]\n`).stopped).toBe(false)
  })
})

describe('limits checked before parsing (finding 7)', () => {
  it('a line over 100,000 characters', () => {
    expect(errors(`# T\n\n${paper}\n${'a'.repeat(100_001)}\n`)).toEqual({stopped: true, found: [['line-too-long', 8]]})
  })

  it('a paragraph over 100,000 characters, on shorter lines', () => {
    expect(errors(`# T\n\n${paper}\n${`${'a '.repeat(30_000)}\n`.repeat(2)}`)).toEqual({stopped: true, found: [['paragraph-too-long', 8]]})
  })

  it('a table cell over 50,000 characters', () => {
    expect(errors(`# T\n\n${paper}\n${models(['| LLaMA-7B | [1] |', `| LLaMA-13B | [1], ${'x'.repeat(50_000)} |`])}`)).toEqual({stopped: true, found: [['cell-too-long', 13]]})
  })

  it('a cell that cites more than 5,000 papers (one of 100,000 took 48 s)', () => {
    expect(errors(`# T\n\n${paper}\n${models([`| LLaMA-7B | ${'[1],'.repeat(5001)} |`])}`)).toEqual({stopped: true, found: [['too-many-references', 12]]})
  })

  it('more than 300,000 markup characters in all (5 MB of `*a* ` took the parser 45 s of CPU and 2 GB)', () => {
    // The paper's four, then 2,000 per paragraph: the 150th passes 300,000. Paragraphs start at line 8, two lines apart.
    const paragraphs = Array.from({length: 151}, () => '*a* '.repeat(1000)).join('\n\n')
    expect(errors(`# T\n\n${paper}\n${paragraphs}\n`)).toEqual({stopped: true, found: [['too-much-markup', 306]]})
  })

  it('more than 50,000 table cells in all (each cost the parser 60 µs)', () => {
    // 100 cells in the delimiter row, then rows of 100: the 500th row passes 50,000. Rows start at line 10.
    const wide = `${'| a '.repeat(100)}|\n${'|---'.repeat(100)}|\n${Array.from({length: 600}, () => `${'| x '.repeat(100)}|`).join('\n')}\n`
    expect(errors(`# T\n\n${paper}\n${wide}`)).toEqual({stopped: true, found: [['too-many-columns', 509]]})
  })

  it('a table row of more than 100 cells (10,000 columns took 2.6 GB)', () => {
    expect(errors(`# T\n\n${paper}\n${models([`| LLaMA-7B | [1] ${'| x '.repeat(100)}|`])}`)).toEqual({stopped: true, found: [['too-many-columns', 12]]})
    const wide = `${'| a '.repeat(101)}|\n${'|---'.repeat(101)}|\n`
    expect(errors(`# T\n\n${paper}\n${wide}`).found).toEqual([['too-many-columns', 8], ['too-many-columns', 9]])
  })

  it('more than 15,000 entries, table rows and paper-like list items together (each is a page to build)', () => {
    const rows = Array.from({length: 10_000}, (_, n) => `| M-${n} | [1] |`)
    const items = Array.from({length: 5000}, (_, n) => `- [${n + 2}] Paper ${n + 2}`).join('\n')
    expect(errors(`# T\n\n${paper}${items}\n\n${models(rows)}`)).toEqual({stopped: true, found: [['too-many-entries', 15_011]]})
  })

  it('more than 10,000 link definitions (100,000 ran for minutes)', () => {
    const definitions = Array.from({length: 10_001}, (_, n) => `[d${n}]: https://x.example/${n}`).join('\n')
    expect(errors(`# T\n\n${paper}\n${definitions}\n`)).toEqual({stopped: true, found: [['too-many-definitions', 10_008]]})
  })

  it('measures lines that only look like link definitions as the paragraph the parser reads them as', () => {
    // `[d0]: x y …` has text after its destination: no definition, and the three lines are one paragraph.
    const lines = Array.from({length: 3}, (_, n) => `[d${n}]: https://x.example y ${'[1],'.repeat(2000)}`).join('\n')
    expect(errors(`# T\n\n${paper}\n${lines}\n`)).toEqual({stopped: true, found: [['too-many-references', 8]]})
    const definitions = Array.from({length: 3}, (_, n) => `[d${n}]: https://x.example/${n} "Title ${'[1],'.repeat(2000)}"`).join('\n')
    expect(errors(`# T\n\n${paper}\n${definitions}\n`).stopped).toBe(false)
  })

  it('more than 1,000 footnotes (50,000 took 4.3 GB)', () => {
    const calls = Array.from({length: 1001}, (_, n) => `x[^${n}]`).join(' ')
    const notes = Array.from({length: 1001}, (_, n) => `[^${n}]: note ${n}`).join('\n')
    expect(errors(`# T\n\n${paper}\n${calls}\n\n${notes}\n`)).toEqual({stopped: true, found: [['too-many-footnotes', 1010]]})
  })

  it('more than 10,000 footnote calls (140,000 calls to one note overflowed the renderer\'s stack)', () => {
    const calls = Array.from({length: 201}, () => 'x[^1] '.repeat(50)).join('\n\n')
    expect(errors(`# T\n\n${paper}\n${calls}\n\n[^1]: The note.\n`)).toEqual({stopped: true, found: [['too-many-footnotes', 408]]})
  })

  it('closers that close nothing, which the parser looks back over the whole paragraph for (`[ a_` × 50,000 ran for minutes)', () => {
    expect(errors(`# T\n\n${paper}\n${'[ a_'.repeat(300)}\n`)).toEqual({stopped: true, found: [['markup-unclosed', 8]]})
  })

  it('backtick runs that open no code span, which the parser reads to the paragraph end for (growing runs ran for minutes)', () => {
    let growing = ''
    for (let n = 1; n <= 30; n++) growing += ` a ${'`'.repeat(n)}`
    expect(errors(`# T\n\n${paper}\n${growing}\n`)).toEqual({stopped: true, found: [['markup-unclosed', 8]]})
  })

  it('keeps what a real list writes: long citing rows, many links, tables, inline code, footnotes', () => {
    const rows = Array.from({length: 3}, (_, n) => `| Model-${n}B | ${Array.from({length: 2000}, (_, k) => `[${k + 1}]`).join(',')} |`)
    const prose = `Some \`code\`, a [link](https://x.example), *emphasis*, __strong__, ~~gone~~, snake_case_words, 2*3*4 and a note[^1].\n\n[^1]: The note.\n`
    const {file} = analyzeText(`# T\n\n${paper}\n${models(rows)}\n## Notes\n\n${prose}`)
    expect(file.messages.filter((m) => m.fatal && !m.ruleId?.startsWith('reference-')).map((m) => m.ruleId)).toEqual([])
  })
})

describe('pages that list other pages', () => {
  it('stay in bounds when one paper is cited by 600 models of one family: the output grows with the rows, not their square', () => {
    const rows = Array.from({length: 600}, (_, n) => `| LLaMA-${n + 1}B | [1] |`)
    const {graph} = analyzeText(`# T\n\n${paper}\n${models(rows)}`)
    const pages = renderSite(completed(graph!), {base: '/', siteUrl: undefined, sourceHref: undefined, assets: fakeAssets})
    const bytes = [...pages.values()].reduce((sum, page) => sum + Buffer.byteLength(String(page)), 0)
    // Each model page listed the 599 others, and the paper's card with all 600: 600 × 1,200 links, about 80 MB.
    expect(bytes).toBeLessThan(10_000_000)
    const page = String(pages.get('models/llama-7b/index.html'))
    expect(page).toContain('And 559 more <bdi>LLaMA</bdi> models')
    expect(page).toContain('and 588 more</a>')
  })
})

describe('the README file', () => {
  /** `npm run check FILE` in a child process, as CI runs it. */
  function check(input: string) {
    const run = spawnSync(...cli('check', input), {encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024, env: {...process.env, GITHUB_ACTIONS: ''}})
    return {status: run.status, stdout: run.stdout, stderr: run.stderr}
  }

  it('over 10 MB is refused from its size, unread, with a clear error at line 1 (a 50 MB one ran V8 out of heap)', async () => {
    const input = join(tmp.dir, 'large.md')
    // A sparse file: its size says 60 MB, though nothing was written.
    writeFileSync(input, '')
    truncateSync(input, 60 * 1024 * 1024)
    const {status, stdout, stderr} = check(input)
    expect(stderr).toBe('')
    expect(status).toBe(1)
    expect(stdout).toMatch(/large\.md:1:1 {2}error {2}This file is 60 MB, more than the 10 MB the site reads, so it was not read; .+ {2}input-too-large/)
    const [file] = await createDevSite({input}).refresh()
    expect(file!.messages.map((m) => m.ruleId)).toEqual(['input-too-large'])
  })
})

describe('the docs', () => {
  const ids = ['input-too-large', 'line-too-long', 'paragraph-too-long', 'cell-too-long', 'too-many-columns', 'too-many-references', 'too-much-markup', 'too-many-entries', 'too-many-definitions', 'too-many-footnotes', 'nesting-too-deep', 'markup-unclosed']
  const guide = readFileSync('CONTRIBUTING.md', 'utf8')
  const readme = readFileSync('README.md', 'utf8')

  it('explain every limit with its fix in CONTRIBUTING.md, and give each in README.md with its value', () => {
    for (const id of ids) {
      expect(guide.split('\n').find((line) => line.startsWith(`| \`${id}\` |`)), id).toMatch(/^\| `[a-z-]+` \| .{10,} \| .{10,} \|$/)
      expect(readme, id).toContain(`\`${id}\``)
    }
    for (const value of [limits.lineLength, limits.paragraphLength, limits.cellLength, limits.columns, limits.cells, limits.referencesPerCell, limits.markup, limits.entries, limits.definitions, limits.footnotes, limits.footnoteCalls, limits.inlineNesting, limits.unmatchedClosers, limits.unclosedCode]) {
      expect(readme).toContain(value.toLocaleString('en-US'))
      expect(guide).toContain(value.toLocaleString('en-US'))
    }
    expect(readme).toContain(`${limits.bytes / 1024 / 1024} MB`)
  })
})

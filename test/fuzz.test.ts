import {afterAll, beforeEach, describe, expect, it} from 'vitest'
import {existsSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {build} from '../src/build.ts'
import {maxTreeDepth} from '../src/parse/guard.ts'
import {analyzeText} from './helpers/seed.ts'
import {scratch} from './helpers/scratch.ts'
import {recordQuality} from '../scripts/shared/quality.ts'
import {anyReadme, bigLineUnits, checkReadme, generatedReadme, mutatedReadme, readmeWithBigLine, slowReadme} from '../scripts/fuzz/readme.ts'

/** `npm test` runs a fixed-seed sample; `npm run fuzz` runs the same property over 10,000+ cases. */
const seed = 20240601
const sample = 250
const tmp = scratch('fuzz')
let cases = 0
let builds = 0
/** Tests of this file that failed: a property stops at its first counterexample, so one per failing property. */
let failures = 0

beforeEach(({onTestFailed}) => {
  onTestFailed(() => {
    failures++
  })
})

afterAll(() => {
  recordQuality('fuzz (npm test sample)', {'cases run': cases, 'full builds': builds, failures, seed})
  tmp.dispose()
})

describe('the analysis of any README', () => {
  it(`never throws, and ends with a site or with diagnostics inside the file (${sample} generated and mutated READMEs, seed ${seed})`, () => {
    fc.assert(
      fc.property(anyReadme, (source) => {
        checkReadme(source)
        cases++
      }),
      {numRuns: sample, seed}
    )
    // Pure CPU: on a loaded machine it takes minutes, not the suite's one; a hang still ends the test.
  }, 300_000)

  it('copes with a 1 MB line anywhere', () => {
    fc.assert(
      fc.property(readmeWithBigLine(bigLineUnits.quick), (source) => {
        expect(source.length).toBeGreaterThan(1_000_000)
        checkReadme(source, {render: false})
        cases++
      }),
      {numRuns: 2, seed}
    )
  })

  it('refuses nesting too deep for the parser, with the line, whatever the line endings, behind a byte order mark too', () => {
    const {file, graph} = analyzeText(`\uFEFF${'>- '.repeat(3000)}deep\n`)
    expect(graph).toBeUndefined()
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal])).toEqual([['nesting-too-deep', 1, 1, true]])
    for (const ending of ['\n', '\r\n', '\r']) {
      const {file, graph} = analyzeText(['# T', '', 'fine', `${'> '.repeat(5000)}deep`, ''].join(ending))
      expect(graph).toBeUndefined()
      expect(file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal])).toEqual([['nesting-too-deep', 4, 1, true]])
      cases++
    }
  })

  it(`refuses inline nesting deeper than ${maxTreeDepth} levels (2,000 nested emphases overflowed the renderer's stack, 5,000 the parser's)`, () => {
    const {file, graph} = analyzeText(`# T\n\nok\n\n${'*a '.repeat(5000)}x${' b*'.repeat(5000)}\n`)
    expect(graph).toBeUndefined()
    expect(file.messages.map((m) => [m.ruleId, m.line, m.fatal])).toEqual([['nesting-too-deep', 5, true]])
    const shallow = analyzeText(`# T\n\n${'*a '.repeat(50)}x${' b*'.repeat(50)}\n`)
    expect(shallow.graph).toBeDefined()
    cases += 2
  })

  it(`ends with a site or with diagnostics inside the file on the shapes that once ran for minutes (8, seed ${seed})`, () => {
    fc.assert(
      fc.property(slowReadme, (source) => {
        checkReadme(source)
        cases++
      }),
      {numRuns: 8, seed}
    )
  })

  it('points inside the file at a link the parser gave no position (an autolink after an escaped bracket)', () => {
    const {file} = analyzeText('# T\n\n## Tools\n\n- [\\](http://example.org/)')
    expect(file.messages.map((m) => [m.ruleId, m.line])).toEqual([['url-http', 5]])
    cases++
  })

  it('points inside the file at a reference cell cut off after its `[`', () => {
    const {file} = analyzeText('# T\n\n## Models\n| Name | Paper |\n|---|---|\n| LLaMA2-7B | [0],[')
    const message = file.messages.find((m) => m.ruleId === 'reference-malformed')
    expect(message).toMatchObject({line: 6, column: 19})
    cases++
  })

  it('builds a site, or refuses with diagnostics, for generated and mutated READMEs end to end', async () => {
    const sources = [...fc.sample(generatedReadme, {numRuns: 2, seed}), ...fc.sample(mutatedReadme, {numRuns: 2, seed})]
    for (const [n, source] of sources.entries()) {
      const input = join(tmp.dir, `${n}.md`)
      const out = join(tmp.dir, `out-${n}`)
      writeFileSync(input, source)
      const result = await build({input, out, allowErrors: true})
      if (result.written) expect(existsSync(join(out, 'index.html'))).toBe(true)
      else expect(result.files.some((file) => file.messages.some((m) => m.fatal))).toBe(true)
      builds++
    }
    expect(readdirSync(tmp.dir).filter((name) => name.includes('staging'))).toEqual([])
  })
})

describe('line endings', () => {
  it('give the same papers with LF, CRLF or CR', () => {
    const lf = '# T\n\n## Papers\n\n- [1] A Paper: On Pruning\n  ICML 2024, [Paper](https://arxiv.org/abs/2402.02834)\n- [2] Another\n  Arxiv, [Paper](https://arxiv.org/abs/2403.03853)\n'
    const papers = (source: string) => analyzeText(source).graph!.papers.map((p) => [p.title, p.venue.text, p.links.map((l) => l.href)])
    const expected = papers(lf)
    expect(expected[0]).toEqual(['A Paper: On Pruning', 'ICML 2024', ['https://arxiv.org/abs/2402.02834']])
    expect(papers(lf.replace(/\n/g, '\r\n'))).toEqual(expected)
    expect(papers(lf.replace(/\n/g, '\r'))).toEqual(expected)
  })
})

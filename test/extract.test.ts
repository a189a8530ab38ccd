import {describe, expect, it} from 'vitest'
import {analyzeText, seed, seedSource} from './helpers/seed.ts'
import {readReferenceCell} from '../src/extract/reference-cell.ts'
import {locator} from '../src/extract/place.ts'
import {VFile} from 'vfile'

describe('extract, on the verbatim seed', () => {
  const {raw, file} = seed()

  it('reads the title, the intro and the sections', () => {
    expect(raw.title).toBe('Awesome-LLM-Pruning')
    expect(raw.intro).toHaveLength(1)
    expect(raw.sections.map((s) => [s.title, s.kind, s.role ?? null])).toEqual([
      ['Contents', 'contents', null],
      ['Papers', 'papers', null],
      ['Fine-tuning methods', 'methods', null],
      ['Models', 'models', null],
      ['Datasets', 'datasets', null],
      ['Calibration Dataset', 'datasets', 'calibration'],
      ['For Finetuning', 'datasets', 'finetuning'],
      ['For Evaluation', 'datasets', 'evaluation'],
      ['Tools', 'tools', null],
      ['', 'prose', null]
    ])
  })

  it('reads the five paper entries with number, title, venue and every link with its label', () => {
    expect(raw.papers.map((p) => p.number)).toEqual([1, 2, 3, 4, 5])
    const [first, second] = raw.papers
    expect(first?.title).toBe('Shortened LLaMA: Depth Pruning for Large Language Models with Comparison of Retraining Methods')
    expect(first?.venue).toBe('Arxiv')
    expect(first?.links.map(({label, href}) => ({label, href}))).toEqual([
      {label: 'Paper', href: 'https://arxiv.org/pdf/2402.02834'},
      {label: 'Code', href: 'https://github.com/Nota-NetsPresso/shortened-llm'}
    ])
    expect(second?.title).toBe('ShortGPT:Layers in Large Language Models are More Redundant Than You Expect')
    expect(second?.links).toHaveLength(1)
    expect(raw.papers.every((p) => p.section === 'papers')).toBe(true)
  })

  it('keeps each node\'s source position', () => {
    const [first] = raw.papers
    expect(first?.position?.start).toMatchObject({line: 18, column: 1})
    expect(first?.titlePosition?.start).toMatchObject({line: 18, column: 7})
    expect(first?.links[0]?.position?.start).toMatchObject({line: 19, column: 10})
    const gemma = raw.tables.flatMap((t) => t.rows).find((row) => row.name === 'Gemma-2B')
    expect(gemma?.namePosition?.start).toMatchObject({line: 50, column: 3})
    expect(gemma?.refs[0]?.position?.start).toMatchObject({line: 50, column: 15})
  })

  it('reads the tables, with the dataset role from the subsection', () => {
    expect(raw.tables.map((t) => [t.kind, t.role ?? null, t.rows.length])).toEqual([
      ['methods', null, 3],
      ['models', null, 12],
      ['datasets', 'calibration', 1],
      ['datasets', 'finetuning', 2],
      ['datasets', 'evaluation', 19]
    ])
  })

  it('reads the tools written as a paragraph of links', () => {
    expect(raw.tools.map((t) => [t.name, t.href])).toEqual([
      ['lm-evaluation-harness', 'https://github.com/EleutherAI/lm-evaluation-harness'],
      ['OpenCompass', 'https://github.com/open-compass/opencompass']
    ])
  })

  it('keeps what it does not model as prose, and reads the Contents', () => {
    expect(raw.contents.map((c) => `${c.depth}:${c.title}`)).toEqual([
      '1:Papers', '2:Survey', '2:Layer Pruning', '1:Fine-tuning methods', '1:Models', '1:Datasets', '1:Tools'
    ])
    expect(raw.prose).toHaveLength(1)
    expect(JSON.stringify(raw.prose[0]?.nodes)).toContain('Applicability with Quantization')
  })

  it('reports no error for the seed', () => {
    expect(file.messages.filter((m) => m.fatal)).toEqual([])
  })
})

describe('paper entries in less common forms', () => {
  const entries = (text: string) => analyzeText(`# L\n\n## Papers\n${text}`).raw!.papers

  it('reads a title that opens with its link and goes on after a colon, with the venue from its sub-bullet', () => {
    const [paper] = entries('- [1] [SparseGPT](https://arxiv.org/abs/2301.00774): Massive Language Models Can Be Accurately Pruned in One-Shot\n  - Publication: ICML 2023, [Code](https://github.com/IST-DASLab/sparsegpt)\n')
    expect(paper!.title).toBe('SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot')
    expect(paper!.venue).toBe('ICML 2023')
    expect(paper!.links.map((link) => link.label)).toEqual(['Paper', 'Code'])
  })

  it('records where each label is written, so that rules point at it without searching the source', () => {
    const source = '- [1] [Delta](https://arxiv.org/abs/2401.00004)\n  - Label: Depth Pruning, Width Pruning\n- [2] [Omega](https://arxiv.org/abs/2401.00005)\n  - Label: Width Pruning\n'
    const [first, second] = entries(source)
    // `entries` puts three lines (`# L`, a blank, `## Papers`) before the source.
    const at = (line: number, text: string) => ({line: line + 3, column: source.split('\n')[line - 1]!.indexOf(text) + 1})
    const start = (position: {start: {line: number; column: number}} | undefined) => position && {line: position.start.line, column: position.start.column}
    expect(first!.labelPositions.map(start)).toEqual([at(2, 'Depth Pruning'), at(2, 'Width Pruning')])
    expect(second!.labelPositions.map(start)).toEqual([at(4, 'Width Pruning')])
  })

  it('keeps a title that is only a link, and the venue after it on the same line', () => {
    const [paper] = entries('- [1] [SparseGPT](https://arxiv.org/abs/2301.00774), ICML 2023, [Code](https://github.com/x/y)\n')
    expect([paper!.title, paper!.venue]).toEqual(['SparseGPT', 'ICML 2023'])
  })

  it('reads a title that opens with its link and goes on without a colon, and one whose link is a badge', () => {
    const [plain, badge] = entries('- [1] [Delta](https://arxiv.org/abs/2401.00004) A Simple Pruning Approach\n  ICML 2024, [Code](https://github.com/x/d)\n- [2] [![arXiv](https://img.shields.io/badge/a-b-red)](https://arxiv.org/abs/2401.00005) Delta Pruning Revisited\n  ICML 2024\n')
    expect([plain!.title, plain!.venue]).toEqual(['Delta A Simple Pruning Approach', 'ICML 2024'])
    expect([badge!.title, badge!.venue]).toEqual(['Delta Pruning Revisited', 'ICML 2024'])
  })

  it('reads fields nested under a summary or a label as their own, but keeps a summary\'s points in it', () => {
    const [one, two] = entries('- [1] Alpha Pruning\n  Arxiv, [Paper](https://arxiv.org/abs/2401.00001)\n  - Summary: Prunes things well.\n    - Label: Structure Pruning, Depth Pruning\n    - Note: works best on deep models.\n- [2] Beta Pruning\n  Arxiv, [Paper](https://arxiv.org/abs/2401.00002)\n  - Label: Unstructured\n    - Code: [GitHub](https://github.com/x/beta)\n')
    expect([one!.labels, one!.summary]).toEqual([['Structure Pruning', 'Depth Pruning'], 'Prunes things well. Note: works best on deep models.'])
    expect([two!.labels, two!.links.map((link) => link.label)]).toEqual([['Unstructured'], ['Paper', 'GitHub']])
  })

  it('leaves badges out of the title', () => {
    const [paper] = entries('- [1] A Simple and Effective Pruning Approach ![Star](https://img.shields.io/github/stars/x/y)\n  Arxiv, [Paper](https://arxiv.org/abs/2306.11695)\n')
    expect(paper!.title).toBe('A Simple and Effective Pruning Approach')
  })

  it('does not take the links of a summary as the paper\'s own', () => {
    const [paper] = entries('- [1] RIA: Plug-and-Play\n  - Publication: ICLR 2024, [Paper](https://openreview.net/forum?id=Tr0lPx9woF)\n  - Summary: Improves on [Wanda](https://arxiv.org/abs/2306.11695).\n')
    expect(paper!.links.map((link) => link.href)).toEqual(['https://openreview.net/forum?id=Tr0lPx9woF'])
    expect(paper!.summary).toBe('Improves on Wanda.')
  })
})

describe('reference cells', () => {
  function refs(cell: string) {
    const file = new VFile({value: cell})
    const result = readReferenceCell(locator(file), 0, cell.length)
    return {kinds: result.refs.map((r) => `${r.kind}:${r.text}`), trailing: result.trailingComma?.start.column ?? null}
  }

  it('reads `[2],[3],[4]`, `[1],[3],` and `[1], [2]`', () => {
    expect(refs('| [2],[3],[4]  | ')).toEqual({kinds: ['number:[2]', 'number:[3]', 'number:[4]'], trailing: null})
    expect(refs('|   [1],[3],  |')).toEqual({kinds: ['number:[1]', 'number:[3]'], trailing: 12})
    expect(refs('| [1], [2]')).toEqual({kinds: ['number:[1]', 'number:[2]'], trailing: null})
  })

  it('reads arXiv ids, and marks anything else invalid at its column', () => {
    expect(refs('[2402.02834], [3]').kinds).toEqual(['arxiv:[2402.02834]', 'number:[3]'])
    expect(refs('[2], [x]').kinds).toEqual(['number:[2]', 'invalid:[x]'])
    expect(refs('2,3').kinds).toEqual(['invalid:2', 'invalid:3'])
    expect(refs('[2][3]').kinds).toEqual(['number:[2]', 'invalid:[3]'])
    expect(refs('').kinds).toEqual([])
  })
})

it('the fixture is a verbatim copy of the seed', () => {
  expect(seedSource.length).toBe(2755)
  expect(seedSource.startsWith('# Awesome-LLM-Pruning\n')).toBe(true)
})

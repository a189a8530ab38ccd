import {describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll} from 'vitest'
import {analyzeText} from './helpers/seed.ts'
import {readingLines} from '../src/extract/reading.ts'
import {formNames} from '../src/extract/adapters/index.ts'
import {cli} from '../scripts/shared/cli.ts'

/**
 * Entries are found by what they hold, a link to a paper, not by a `[N]` prefix or a "Papers" heading;
 * what links to a paper but is not read is counted and named (issue 12, points 1, 3 and 8).
 */
const tmp = mkdtempSync(join(tmpdir(), 'site-reading-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

function read(markdown: string) {
  const {file, raw, graph} = analyzeText(markdown)
  return {file, raw: raw!, graph: graph!, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`)}
}

describe('a list without a Papers heading', () => {
  const markdown = `# Awesome LLM Compression

> **[Our survey](https://arxiv.org/abs/2402.09748)** is out: read it first.

## Contents
- [:scissors: Pruning](#pruning)
- [📏 Quantization](#quantization)
- [LLM Architecture Design](#llm-architecture-design)

## 🔥 News
- 2024/05: [SparseGPT](https://arxiv.org/abs/2301.00774) was accepted at ICML.

## Pruning
- SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot, ICML 2023, [Paper](https://arxiv.org/abs/2301.00774)
- A Simple and Effective Pruning Approach for Large Language Models, ICLR 2024, [Paper](https://arxiv.org/abs/2306.11695)

## Quantization
- GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers, ICLR 2023, [Paper](https://arxiv.org/abs/2210.17323)

## LLM Architecture Design
| Title | Venue | Year |
| --- | --- | --- |
| [Mixture of Depths](https://arxiv.org/abs/2404.02258) | ICML | 2024 |
| [Multi-Query Attention](https://arxiv.org/abs/1911.02150) | arXiv | 2019 |

## Citation
\`\`\`bibtex
@misc{x, url = {https://arxiv.org/abs/2402.09748}}
\`\`\`
If you use the list, cite [our survey](https://arxiv.org/abs/2402.09748).

## Star History
[![Star History](https://api.star-history.com/svg?repos=a/b)](https://star-history.com/#a/b)
`
  const {raw, graph, messages} = read(markdown)

  it('reads every entry that links to a paper, in each section, and nothing from the sections about the list', () => {
    expect(graph.papers.map((paper) => [paper.section, paper.title, paper.venue.name, paper.venue.year])).toEqual([
      ['pruning', 'SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot', 'ICML', 2023],
      ['pruning', 'A Simple and Effective Pruning Approach for Large Language Models', 'ICLR', 2024],
      ['quantization', 'GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers', 'ICLR', 2023],
      ['llm-architecture-design', 'Mixture of Depths', 'ICML', 2024],
      ['llm-architecture-design', 'Multi-Query Attention', 'arXiv', 2019]
    ])
  })

  it('reads a table of papers under a heading that says "LLM" as papers, not as a table of models', () => {
    expect(graph.models).toEqual([])
    expect(raw.tables).toEqual([])
    expect(raw.sections.find((section) => section.id === 'llm-architecture-design')).toMatchObject({kind: 'papers', fromContent: true})
  })

  it('says which form it read in each section, and how many paper links became papers', () => {
    expect(readingLines(raw.reading)).toEqual([
      'Pruning: one line (title, venue, links), 2 entries',
      'Quantization: one line (title, venue, links), 1 entry',
      'LLM Architecture Design: table (Title, Venue, Year), 2 entries',
      'read 5 papers from 5 paper links (100%)'
    ])
  })

  it('checks without any message', () => {
    expect(messages).toEqual([])
  })
})

describe('a list with no headings at all', () => {
  it('is one section of papers', () => {
    const {graph, messages} = read('# Pruning papers\n\nPapers on pruning LLMs.\n\n- [SparseGPT](https://arxiv.org/abs/2301.00774) - ICML 2023\n- [Wanda](https://arxiv.org/abs/2306.11695) - ICLR 2024\n')
    expect(graph.sections.map((section) => [section.id, section.title, section.papers.length])).toEqual([['papers', 'Papers', 2]])
    expect(graph.papers.map((paper) => [paper.title, paper.venue.text])).toEqual([['SparseGPT', 'ICML 2023'], ['Wanda', 'ICLR 2024']])
    expect(graph.intro.map((node) => node.type)).toEqual(['paragraph'])
    expect(messages).toEqual([])
  })
})

describe('coverage', () => {
  const paragraphs = `# Pruning list

## Pruning
**SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot**
Elias Frantar, Dan Alistarh. ICML 2023. [paper](https://arxiv.org/abs/2301.00774)

**A Simple and Effective Pruning Approach for Large Language Models**
Mingjie Sun, Zhuang Liu. ICLR 2024. [paper](https://arxiv.org/abs/2306.11695)

<table><tr><td><a href="https://arxiv.org/abs/2305.11627">LLM-Pruner</a></td><td>NeurIPS 2023</td></tr></table>
`

  it('is an error, naming the first unread lines, when a README full of paper links gives no paper', () => {
    const {raw, file, messages} = read(paragraphs)
    expect(raw.papers).toEqual([])
    expect(readingLines(raw.reading)).toEqual(['read 0 papers from 3 paper links (0%)'])
    expect(messages).toEqual(['5:1 error coverage-none'])
    expect(file.messages[0]?.reason).toContain('the first are at lines 5, 8 and 10')
  })

  it('is never "no problems" from npm run check', () => {
    const input = join(tmp, 'paragraphs.md')
    writeFileSync(input, paragraphs)
    const run = spawnSync(...cli('check', input), {encoding: 'utf8', env: {...process.env, GITHUB_ACTIONS: ''}})
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('read 0 papers from 3 paper links (0%)')
    expect(run.stdout).toContain('coverage-none')
    expect(run.stdout).not.toContain('no problems')
  })

  it('warns below 95%, and names each list item with a paper link that was not read', () => {
    const entries = Array.from({length: 19}, (_, n) => `- Paper ${n + 1}: Pruning Things, ICML 2024, [Paper](https://arxiv.org/abs/2401.${String(n + 1).padStart(5, '0')})`)
    const {raw, messages} = read(`# List\n\n## Papers\n${entries.join('\n')}\n- [[Paper]](https://arxiv.org/abs/2402.00001)\n- [[PDF]](https://arxiv.org/pdf/2402.00002)\n`)
    expect(readingLines(raw.reading).at(-1)).toBe('read 19 papers from 21 paper links (90%)')
    expect(messages).toEqual(['23:3 warning paper-unread', '23:3 warning coverage-low', '24:3 warning paper-unread'])
  })

  it('rounds down, so that a list missing one paper in a thousand does not show 100%', () => {
    const entries = Array.from({length: 999}, (_, n) => `- Paper ${n + 1}: Pruning Things, ICML 2024, [Paper](https://arxiv.org/abs/2401.${String(n + 1).padStart(5, '0')})`)
    const {raw} = read(`# List\n\n## Papers\n${entries.join('\n')}\n- [[Paper]](https://arxiv.org/abs/2402.00001)\n`)
    expect(readingLines(raw.reading).at(-1)).toBe('read 999 papers from 1000 paper links (99%)')
  })
})

describe('tools', () => {
  it('are named by the words before their links, when the links only say what they are', () => {
    const {graph, messages} = read(`# List

## Papers
- SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot, ICML 2023, [Paper](https://arxiv.org/abs/2301.00774)

## Tools
- BMCook: a toolkit for big model compression [[Code]](https://github.com/OpenBMB/BMCook) [[Paper]](https://arxiv.org/abs/2204.00001)
- **LLMC**: a compression toolkit [[GitHub]](https://github.com/ModelTC/llmc)
- [lm-evaluation-harness](https://github.com/EleutherAI/lm-evaluation-harness): the evaluation harness
`)
    expect(graph.tools.map((tool) => [tool.name, tool.href])).toEqual([
      ['BMCook', 'https://github.com/OpenBMB/BMCook'],
      ['LLMC', 'https://github.com/ModelTC/llmc'],
      ['lm-evaluation-harness', 'https://github.com/EleutherAI/lm-evaluation-harness']
    ])
    expect(messages).toEqual([])
  })
})

describe('README.md', () => {
  const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8')

  it('shows one-line entries of the inline form that read as it says', () => {
    const row = readme.split('\n').find((line) => line.startsWith('| `inline` |'))!
    const examples = [...row.matchAll(/`(- [^`]+)`/g)].map((match) => match[1]!.replaceAll('abs/…', 'abs/2401.00001').replaceAll('(…)', '(https://arxiv.org/abs/2401.00001)'))
    expect(examples).toHaveLength(4)
    for (const example of examples) {
      const {raw} = read(`# List\n\n## Papers\n${example}\n`)
      expect(raw.papers.map((paper) => paper.title), example).toEqual(['Title'])
      expect(raw.reading.forms.map((form) => form.name), example).toEqual(['inline'])
      expect(raw.papers[0]!.venue, example).toMatch(/\d{4}/)
    }
  })

  it('names every form the reader has', () => {
    for (const name of formNames) expect(readme).toContain(`| \`${name}\``)
  })
})

describe('shapes met in real lists', () => {
  it('takes the title from an HTML <h1> when the first heading is the Contents', () => {
    const {raw} = read(`<div align="center">\n    <h1>Awesome LLM Compression</h1>\n</div>\n\n# Contents\n\n- [Papers](#papers)\n\n## Papers\n\n- A Survey on Model Compression for Large Language Models <br> Arxiv 2023 [[Paper]](https://arxiv.org/abs/2308.07633)\n`)
    expect(raw.title).toBe('Awesome LLM Compression')
    expect(raw.contents.map((item) => item.title)).toEqual(['Papers'])
  })

  it('keeps a bracketed track and a long workshop name in a one-line venue', () => {
    const {graph} = read(`# List\n\n## Papers\n- Faster and Lighter LLMs: A Survey <br> IJCAI 2024 (Survey Track) [[Paper]](https://arxiv.org/abs/2402.01799)\n- Efficient LLM Inference on CPUs <br> NeurIPS 2023 on Efficient Natural Language and Speech Processing [[Paper]](https://arxiv.org/abs/2311.00502)\n`)
    expect(graph.papers.map((paper) => [paper.venue.name, paper.venue.year, paper.venue.track])).toEqual([['IJCAI', 2024, 'Survey Track'], ['NeurIPS', 2023, undefined]])
  })

  it('reports a table row whose title was broken over two lines, instead of reading a venue as its title', () => {
    const {graph, file} = read(`# List\n\n## Pruning\n| No. | Title | Venue | Year |\n|---|---|---|---|\n| 01 | [Pruning from Scratch](https://arxiv.org/abs/1909.12579) | AAAI | 2020 |\n| 02 | [Parameter Efficient Training of Deep Convolutional\nNeural Networks by Dynamic Sparse Reparameterization](https://arxiv.org/abs/1902.05967) | ICML | 2019 |\n`)
    expect(graph.papers.map((paper) => paper.title)).toEqual(['Pruning from Scratch'])
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['8:1 paper-unread', '8:1 coverage-low'])
    expect(file.messages[0]?.reason).toContain('its No. cell holds words, not a number: is a title above broken over two lines?')
  })
})

describe('--form', () => {
  const input = join(tmp, 'inline.md')
  writeFileSync(input, '# List\n\n## Pruning\n- SparseGPT: One-Shot Pruning <br> ICML 2023 [[Paper]](https://arxiv.org/abs/2301.00774)\n- Wanda: Pruning by Weights and Activations <br> ICLR 2024 [[Paper]](https://arxiv.org/abs/2306.11695)\n- LLM-Pruner: Structural Pruning <br> NeurIPS 2023 [[Paper]](https://arxiv.org/abs/2305.11627)\n')
  const check = (...args: string[]) => spawnSync(...cli('check', ...args), {encoding: 'utf8', env: {...process.env, GITHUB_ACTIONS: ''}})

  it('overrides detection: every entry is read in that form, and what it cannot read is reported', () => {
    expect(check(input).stdout).toContain('Pruning: one line (title, venue, links), 3 entries\nread 3 papers from 3 paper links (100%)')
    const forced = check('--form', 'table', input)
    expect(forced.status).toBe(1)
    expect(forced.stdout).toContain('read 0 papers from 3 paper links (0%)')
    expect(forced.stdout).toContain('not read as one: --form table reads no list item')
  })

  it('names the forms when given one it does not know', () => {
    const unknown = check('--form', 'csv', input)
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('--form csv is no form the site reads; use one of bullets, key-value, inline, table')
  })
})

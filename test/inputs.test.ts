import {afterAll, describe, expect, it} from 'vitest'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {build} from '../src/build.ts'
import {scratch} from './helpers/scratch.ts'
import {cli} from '../scripts/shared/cli.ts'

/**
 * A list split over several files (issue 12, point 7): `--input` given more than once, or `--follow`
 * for a README that shows only the latest papers and links to one file per topic.
 */
const tmp = scratch('inputs')
afterAll(() => tmp.dispose())
const dir = join(tmp.dir, 'list')
mkdirSync(join(dir, 'topics'), {recursive: true})
const readme = join(dir, 'README.md')
writeFileSync(readme, `# Awesome Efficient LLM

The full list is split by topic:
- [Pruning](topics/pruning.md)
- [Quantization](./topics/quantization.md#top)
- [Contributing](CONTRIBUTING.md)

## Latest papers
- [SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot](https://arxiv.org/abs/2301.00774) - ICML 2023
`)
writeFileSync(join(dir, 'topics', 'pruning.md'), `# Pruning

- [SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot](https://arxiv.org/abs/2301.00774) - ICML 2023
- [A Simple and Effective Pruning Approach for Large Language Models](https://arxiv.org/abs/2306.11695) - ICLR 2024
- [[Paper]](https://arxiv.org/abs/2305.11627)
`)
writeFileSync(join(dir, 'topics', 'quantization.md'), `# Quantization

- [GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers](https://arxiv.org/abs/2210.17323) - ICLR 2023
`)
writeFileSync(join(dir, 'CONTRIBUTING.md'), '# Contributing\n\nOpen a pull request.\n')

describe('--follow', () => {
  it('reads the files the README links to as parts of the list, each message in its own file', async () => {
    const out = join(tmp.dir, 'follow')
    const result = await build({input: readme, out, follow: true, history: false})
    expect(result.written).toBe(true)
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'))
    expect(graph.papers.map((paper: {title: string; line: number}) => [paper.title.slice(0, 20), paper.line])).toEqual([
      ['SparseGPT: Massive L', 9],
      ['A Simple and Effecti', 4],
      ['GPTQ: Accurate Post-', 3]
    ])
    // Listed in the README's latest papers and again under Pruning: one paper in both.
    expect(graph.sections.map((section: {id: string; papers: string[]}) => [section.id, section.papers.length])).toEqual([['latest-papers', 1], ['pruning', 2], ['quantization', 1]])
    const messages = result.files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column} ${m.ruleId}`))
    expect(messages).toEqual([expect.stringMatching(/topics\/pruning\.md:5:3 paper-unread$/), expect.stringMatching(/topics\/pruning\.md:5:3 coverage-low$/)])
  })

  it('is what the build and the check do with it on the command line; several --input files work the same', () => {
    const run = (script: string, args: string[]) => spawnSync(...cli(script, ...args), {encoding: 'utf8', env: {...process.env, GITHUB_ACTIONS: ''}})
    const check = run('check', ['--input', readme, '--follow'])
    expect(check.status).toBe(0)
    expect(check.stdout).toContain('read 4 papers from 5 paper links (80%)')
    expect(check.stdout).toMatch(/topics\/pruning\.md:5:3 {2}warning {2}This list item links to a paper but is not read as one/)
    const inputs = run('check', ['--input', readme, '--input', join(dir, 'topics', 'quantization.md')])
    expect(inputs.stdout).toContain('read 2 papers from 2 paper links (100%)')
    expect(inputs.stdout).toContain('Quantization: one line (title, venue, links), 1 entry')
  })
})

import {expect, it} from 'vitest'
import {readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {analyzeVersion} from '../src/diff/version.ts'
import {compareLists} from '../src/diff/compare.ts'
import {formatMarkdown} from '../src/diff/format-markdown.ts'
import {edit} from './helpers/pull-request.ts'
import {seedSource} from './helpers/seed.ts'

/**
 * The example job summary in CONTRIBUTING.md and docs/CONTRIBUTING.md is the diff's real output for a
 * typical pull request on the seed list, so it cannot drift from what CI shows. `UPDATE=1` rewrites both.
 */
const head = edit(seedSource,
  ['  Arxiv, [Paper](https://arxiv.org/pdf/2402.11187)\n', '  Arxiv, [Paper](https://arxiv.org/pdf/2402.11187)\n- [6] BlockPruner: Fine-grained Pruning for Large Language Models\n  Arxiv, [Paper](https://arxiv.org/abs/2406.10594), [Code](https://github.com/MrGGLS/BlockPruner)\n'],
  ['ShortGPT:Layers', 'ShortGPT: Layers'],
  ['| Mixtral-7B      | [4]     |', '| Mixtral-7B      | [4]     |\n| LLaMa2-70B | [6] |'],
  ['| BoolQ   |  [1],[2],[3],[4]   |', '| BoolQ   |  [1],[2],[3],[4],[6],   |']
)
const {diff} = compareLists(analyzeVersion('content/README.md', seedSource), analyzeVersion('content/README.md', head), {
  file: 'content/README.md',
  // As CI labels them: the pull request's base commit, and the checked-out merge of the pull request.
  base: {rev: '4f1c2d9e0b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d', commit: '4f1c2d9e0b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d', label: '4f1c2d9'},
  head: {rev: null, commit: null, label: 'working tree'}
})
const example = formatMarkdown(diff).trimEnd().split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n')
const begin = '<!-- example summary: the output of `npm run diff -- --markdown`, kept by test/diff-docs.test.ts (UPDATE=1 rewrites it) -->'
const end = '<!-- end of the example summary -->'

it.each(['CONTRIBUTING.md', 'docs/CONTRIBUTING.md'])('%s shows the summary a pull request gets', (name) => {
  const path = fileURLToPath(new URL(`../${name}`, import.meta.url))
  const text = readFileSync(path, 'utf8')
  const [before, rest] = text.split(begin)
  expect(rest, `${name} has the example's markers`).toBeDefined()
  const after = rest!.slice(rest!.indexOf(end))
  const expected = `${before}${begin}\n${example}\n${after}`
  if (process.env['UPDATE']) writeFileSync(path, expected)
  expect(text).toBe(expected)
  // What a reviewer is meant to see in it.
  expect(example).toContain('> ## Changes to the list: 1 paper added, 1 changed, 1 citation added, 1 name added (1 look-alike), 2 findings introduced')
  expect(example).toContain('looks like <code>LLaMA2-7B</code>')
})

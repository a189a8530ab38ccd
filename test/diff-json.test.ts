import {describe, expect, it} from 'vitest'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {analyzeVersion} from '../src/diff/version.ts'
import {compareLists} from '../src/diff/compare.ts'
import {formatJson} from '../src/diff/format-json.ts'
import {formatMarkdown} from '../src/diff/format-markdown.ts'
import {seedSource} from './helpers/seed.ts'
import {edit} from './helpers/pull-request.ts'

/**
 * `npm run diff -- --json` is for machines, so its shape is a contract: version 1 of the `ListDiff` of
 * src/diff/types.ts. One change that exercises every part of it is pinned whole in
 * test/fixtures/diff/change.json (`UPDATE=1` rewrites it, for a change to the shape that raises `version`),
 * and the keys of every record are listed here, where a reviewer reads them.
 */
const head = edit(seedSource,
  // [3] inserted, the tables left alone: a renumbering that re-points references.
  ['- [5] LaCo: Large Language Model Pruning via Layer Collapse\n  Arxiv, [Paper](https://arxiv.org/pdf/2402.11187)\n', '- [6] BlockPruner: Fine-grained Pruning for Large Language Models\n  Arxiv, [Paper](https://arxiv.org/abs/2406.10594)\n'],
  ['- [4] Pruning via Merging', '- [5] Pruning via Merging'],
  ['- [3] FoldGPT', '- [3] Inserted Paper: A Study of Pruning\n  Arxiv, [Paper](https://arxiv.org/abs/2409.00001)\n- [4] FoldGPT'],
  ['  Arxiv, [Paper](https://arxiv.org/pdf/2407.00928)', '  ICLR 2025, [Paper](https://arxiv.org/pdf/2407.00928), [Code](https://github.com/example/foldgpt)\n  - Label: Layer Merging\n  - Summary: Folds similar layers together.'],
  ['ShortGPT:Layers', 'ShortGPT: Layers'],
  ['| Vicuna-7b-v1.3    | [1]    |', '| Vicunna-7b-v1.3    | [1]    |'],
  ['| SlimPajama      |   [1]   |', '| SlimPajama      |   [1],[6]   |'],
  ['| BoolQ   |  [1],[2],[3],[4]   |', '| BoolQ   |  [2],[3],[4]   |'],
  ['[OpenCompass](https://github.com/open-compass/opencompass)', '[OpenCompass](https://opencompass.org.cn)'],
  ['| PIQA    |    [1],[2],[3],[4], |', '| PIQA    |    [1],[2],[3],[4] |']
)
const {diff} = compareLists(analyzeVersion('content/README.md', seedSource), analyzeVersion('content/README.md', head), {
  file: 'content/README.md',
  base: {rev: 'main', commit: '0123456789abcdef0123456789abcdef01234567', label: 'main (0123456)'},
  head: {rev: null, commit: null, label: 'working tree'}
})
const json = JSON.parse(formatJson(diff))

it('the pinned change: the whole JSON, as committed in test/fixtures/diff/change.json', () => {
  const fixture = fileURLToPath(new URL('fixtures/diff/change.json', import.meta.url))
  if (process.env['UPDATE'] || !existsSync(fixture)) {
    writeFileSync(fixture, formatJson(diff))
    writeFileSync(fixture.replace(/\.json$/, '.md'), formatMarkdown(diff))
  }
  expect(formatJson(diff)).toBe(readFileSync(fixture, 'utf8'))
  expect(formatMarkdown(diff)).toBe(readFileSync(fixture.replace(/\.json$/, '.md'), 'utf8'))
})

describe('the shape', () => {
  const keys = (value: object) => Object.keys(value).sort()
  const paperRef = ['arxiv', 'href', 'line', 'number', 'section', 'short', 'title']

  it('exercises every list of the shape', () => {
    for (const list of [json.papers.added, json.papers.removed, json.papers.changed, json.renumberings, json.references.repointed, json.citations.added, json.citations.removed, json.names.added, json.names.removed, json.names.changed, json.findings.introduced, json.findings.fixed]) {
      expect(list.length).toBeGreaterThan(0)
    }
    expect(json.names.added.some((entry: {lookAlike: unknown}) => entry.lookAlike !== null)).toBe(true)
  })

  it('keeps the keys of every record', () => {
    expect(json.version).toBe(1)
    expect(keys(json)).toEqual(['base', 'changed', 'citations', 'counts', 'file', 'findings', 'head', 'names', 'papers', 'references', 'renumberings', 'textChanged', 'version'])
    expect(keys(json.base)).toEqual(['commit', 'label', 'rev'])
    expect(keys(json.counts)).toEqual(['citationsAdded', 'citationsRemoved', 'findingsFixed', 'findingsIntroduced', 'lookAlikes', 'namesAdded', 'namesRemoved', 'papersAdded', 'papersChanged', 'papersRemoved', 'papersRenumbered', 'referencesRepointed'])
    expect(keys(json.papers)).toEqual(['added', 'changed', 'removed'])
    for (const ref of [...json.papers.added, ...json.papers.removed]) expect(keys(ref)).toEqual(paperRef)
    for (const change of json.papers.changed) {
      expect(keys(change)).toEqual(['before', 'fields', 'paper'])
      for (const field of change.fields) expect(keys(field)).toEqual(Array.isArray(field.added) ? ['added', 'field', 'removed'] : ['after', 'before', 'field'])
    }
    expect(new Set(json.papers.changed.flatMap((change: {fields: Array<{field: string}>}) => change.fields.map((field) => field.field)))).toEqual(new Set(['title', 'venue', 'labels', 'summary', 'links']))
    for (const run of json.renumberings) expect(keys(run)).toEqual(['from', 'papers', 'sections', 'text', 'to'])
    expect(keys(json.references)).toEqual(['followed', 'repointed'])
    for (const ref of json.references.repointed) {
      expect(keys(ref)).toEqual(['after', 'before', 'beforeNow', 'kind', 'line', 'name', 'role', 'text'])
      expect(keys(ref.before)).toEqual(paperRef)
    }
    for (const entry of [...json.citations.added, ...json.citations.removed]) expect(keys(entry)).toEqual(['kind', 'name', 'paper', 'paperAddedOrRemoved', 'role'])
    for (const entry of [...json.names.added, ...json.names.removed]) expect(keys(entry)).toEqual(['kind', 'lookAlike', 'name', 'papers'])
    for (const entry of json.names.added.filter((each: {lookAlike: unknown}) => each.lookAlike)) expect(keys(entry.lookAlike)).toEqual(['how', 'name', 'stillListed', 'suggestion'])
    for (const entry of json.names.changed) expect(keys(entry)).toEqual(['after', 'before', 'kind', 'name'])
    expect(keys(json.findings)).toEqual(['fixed', 'introduced', 'unchanged'])
    for (const entry of [...json.findings.introduced, ...json.findings.fixed]) expect(keys(entry)).toEqual(['column', 'line', 'message', 'rule', 'severity', 'subject'])
  })
})

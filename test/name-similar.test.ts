import {afterAll, describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {analyze} from '../src/build.ts'
import {PaperIndex} from '../src/graph/paper-index.ts'
import {validate} from '../src/rules/index.ts'
import {nameSimilar, nameSimilarWith} from '../src/rules/name-similar.ts'
import type {Rule} from '../src/rules/rule.ts'
import {scratch} from './helpers/scratch.ts'
import {cli} from '../scripts/shared/cli.ts'

/** name-similar as it was before issue 9: each name compared with every other. */
const nameSimilarAllPairs = nameSimilarWith((names) => (index) => names.flatMap((_, other) => (other === index ? [] : [other])))

/**
 * name-similar compares each name only with the names of its buckets (src/rules/name-candidates.ts).
 * It must report exactly what comparing every pair reported: the same names, against the same names,
 * with the same suggestions, on lists made of look-alike spellings.
 */
function findings(source: string, ...compared: Rule[]): string[][] {
  const file = new VFile({path: 'README.md', value: source})
  const result = analyze(file)
  if (!result) throw new Error(`no graph: ${file.messages.map((m) => m.reason).join('; ')}`)
  return compared.map((rule) => {
    const own = new VFile({path: 'README.md', value: source})
    validate({file: own, raw: result.raw, graph: result.graph, index: new PaperIndex(result.graph.papers)}, [rule])
    return own.messages.map((m) => `${m.line}:${m.column} ${m.reason} (${m.cause ?? ''})`)
  })
}

const stems = ['LLaMA', 'LLaMa', 'llama', 'Llama', 'LLaMaA', 'LLaMAA', 'LlaMA', 'LLa-MA', 'Mistral', 'Mixtral', 'Mistrla', 'BLOOM', 'BLOOMZ', 'BLOMO', 'ARC', 'Arc', 'PIQA', 'SIQA', 'BoolQ', 'Boolq', 'OpenbookQA', 'OpenBookQA', 'Openbook-QA', 'WikiText', 'Wikitext', 'WikiTetx', 'HumanEval', 'HumanEval+', 'LoRA', 'LoRA+', 'QLoRA', 'Qwen', 'Qwne']
const suffixes = ['', '-7B', '-13B', '2-7B', '2-13B', '3-8B', '-easy', '-Easy', '-challenge', '2', ' v2', '-v2']
const name = fc.tuple(fc.constantFrom(...stems), fc.constantFrom(...suffixes)).map(([stem, suffix]) => stem + suffix)
const table = fc.array(name, {maxLength: 12})
const labels = fc.array(fc.array(name, {maxLength: 3}), {maxLength: 4})

const readme = fc.record({models: table, datasets: table, methods: table, labels}).map(({models, datasets, methods, labels}) => {
  const rows = (names: string[]) => `| Name | Paper |\n|---|---|\n${names.map((n) => `| ${n} | [1] |`).join('\n')}\n`
  const papers = labels.map((list, n) => `- [${n + 1}] Paper ${n + 1}\n  Arxiv, [Paper](https://arxiv.org/abs/2401.0000${n + 1})\n  - Label: ${list.join(', ') || 'x'}\n`)
  return `# T\n\n## Papers\n\n- [0] P\n  Arxiv, [Paper](https://arxiv.org/abs/2402.02834)\n${papers.join('')}\n## Fine-tuning methods\n\n${rows(methods)}\n## Models\n\n${rows(models)}\n## Datasets\n\n### For Evaluation\n\n${rows(datasets)}`
})

describe('name-similar, bucketed', () => {
  it('reports exactly what comparing every pair reports (300 lists of look-alike names)', () => {
    let found = 0
    fc.assert(
      fc.property(readme, (source) => {
        const [bucketed, expected] = findings(source, nameSimilar, nameSimilarAllPairs)
        expect(bucketed).toEqual(expected)
        found += expected!.length
      }),
      {numRuns: 300, seed: 9}
    )
    // The lists are made to look alike: the property is tested on findings, not on silence.
    expect(found).toBeGreaterThan(100)
  })
})

describe('name-similar on 10,000 model rows', () => {
  const tmp = scratch('name-similar')
  afterAll(() => tmp.dispose())

  it('is checked in a child process that is stopped at 60 s (comparing every pair took 104 s)', () => {
    const input = join(tmp.dir, 'rows.md')
    const rows = Array.from({length: 10_000}, (_, n) => `| ${['Alpha', 'Beta', 'Gamma', 'Delta'][n % 4]}-${n}B | [1] |`)
    const head = '# T\n\n## Papers\n\n- [1] A Paper\n  Arxiv, [Paper](https://arxiv.org/abs/2402.02834)\n\n## Models\n\n| Name | Paper |\n|---|---|\n'
    writeFileSync(input, `${head}| LLaMA-7B | [1] |\n| LlaMA-13B | [1] |\n${rows.join('\n')}\n`)
    const run = spawnSync(...cli('check', input), {encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024})
    expect(run.status).toBe(0)
    expect(run.stdout.split('\n').filter((line) => line.endsWith('name-similar'))).toEqual([expect.stringContaining('Model `LlaMA-13B` looks like `LLaMA-7B` spelled another way')])
  })
})

import {afterAll, describe, expect, it} from 'vitest'
import {diffRevisions} from '../src/diff/revisions.ts'
import {formatJson} from '../src/diff/format-json.ts'
import {formatMarkdown} from '../src/diff/format-markdown.ts'
import type {ListDiff} from '../src/diff/types.ts'
import {edit, pullRequest, readme, removePullRequests} from './helpers/pull-request.ts'
import {seedSource} from './helpers/seed.ts'

/**
 * `npm run diff` between two commits of a real git repository: `main` holds the seed list, the checked-out
 * branch `pr` holds the change, and the diff runs with its defaults (the merge base with main, against the
 * working tree), as a contributor runs it on their branch. Every case is asserted on the JSON and on the
 * markdown; test/diff-cli.test.ts shows the command prints the same.
 */
afterAll(removePullRequests)

async function diff(head: string, base = seedSource): Promise<{json: ListDiff; markdown: string}> {
  const result = await diffRevisions({input: readme, cwd: pullRequest(base, head)})
  return {json: JSON.parse(formatJson(result.diff)) as ListDiff, markdown: plain(formatMarkdown(result.diff))}
}

/** The markdown as GitHub shows its text: character references decoded. */
function plain(markdown: string): string {
  return markdown.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
}

const lastPaper = '  Arxiv, [Paper](https://arxiv.org/pdf/2402.11187)\n'
const blockPruner = '- [6] BlockPruner: Fine-grained Pruning for Large Language Models\n  Arxiv, [Paper](https://arxiv.org/abs/2406.10594)\n'
const noFindingChange = {introduced: [], fixed: [], unchanged: 12}

describe('a paper added and cited in two tables', async () => {
  const {json, markdown} = await diff(edit(seedSource,
    [lastPaper, lastPaper + blockPruner],
    ['| LLaMA2-7B    | [2],[3],[4]  |', '| LLaMA2-7B    | [2],[3],[4],[6]  |'],
    ['| BoolQ   |  [1],[2],[3],[4]   |', '| BoolQ   |  [1],[2],[3],[4],[6]   |']
  ))
  const paper = {number: 6, title: 'BlockPruner: Fine-grained Pruning for Large Language Models', short: 'BlockPruner', section: 'Papers', arxiv: '2406.10594', href: 'https://arxiv.org/abs/2406.10594', line: 28}

  it('JSON: the paper, and the two rows that now cite it', () => {
    expect(json.papers).toEqual({added: [paper], removed: [], changed: []})
    expect(json.citations).toEqual({
      added: [
        {kind: 'model', name: 'LLaMA2-7B', role: null, paper, paperAddedOrRemoved: true},
        {kind: 'dataset', name: 'BoolQ', role: 'evaluation', paper, paperAddedOrRemoved: true}
      ],
      removed: []
    })
    expect(json.renumberings).toEqual([])
    expect(json.names.added).toEqual([])
    expect(json.findings).toEqual(noFindingChange)
  })

  it('markdown: the counts, the paper linked to arXiv, the citations in words', () => {
    expect(markdown).toMatch(/^## Changes to the list: 1 paper added, 2 citations added\n/)
    expect(markdown).toContain('| ➕ added | [6] [BlockPruner](https://arxiv.org/abs/2406.10594) | Papers |  |')
    expect(markdown).toContain('| model <code>LLaMA2-7B</code> | now cites [6] [BlockPruner](https://arxiv.org/abs/2406.10594) (a new paper) |')
    expect(markdown).toContain('| dataset <code>BoolQ</code> (evaluation) | now cites [6] [BlockPruner](https://arxiv.org/abs/2406.10594) (a new paper) |')
  })
})

describe('a paper retitled', async () => {
  const after = 'ShortGPT: Layers in Large Language Models are More Redundant Than You Expect'
  const {json, markdown} = await diff(edit(seedSource, ['[2] ShortGPT:Layers in', '[2] ShortGPT: Layers in']))

  it('JSON: the same paper, changed in its title only; nothing else moves', () => {
    expect(json.papers.added).toEqual([])
    expect(json.papers.removed).toEqual([])
    expect(json.papers.changed).toEqual([{
      paper: expect.objectContaining({number: 2, title: after, arxiv: '2403.03853'}),
      before: expect.objectContaining({number: 2, title: 'ShortGPT:Layers in Large Language Models are More Redundant Than You Expect'}),
      fields: [{field: 'title', before: 'ShortGPT:Layers in Large Language Models are More Redundant Than You Expect', after}]
    }])
    expect(json.citations).toEqual({added: [], removed: []})
    expect(json.findings).toEqual(noFindingChange)
  })

  it('markdown: the old and the new title', () => {
    expect(markdown).toMatch(/^## Changes to the list: 1 paper changed\n/)
    expect(markdown).toContain(`| ✏️ changed | [2] [ShortGPT](https://arxiv.org/abs/2403.03853) | Papers | title: “ShortGPT:Layers in Large Language Models are More Redundant Than You Expect” → “${after}” |`)
  })
})

describe('a venue changed', async () => {
  const {json, markdown} = await diff(edit(seedSource, ['  Arxiv, [Paper](https://arxiv.org/pdf/2407.00928)', '  ICLR 2025, [Paper](https://arxiv.org/pdf/2407.00928)']))

  it('JSON: the venue, before and after', () => {
    expect(json.papers.changed).toEqual([{paper: expect.objectContaining({number: 3, short: 'FoldGPT'}), before: expect.objectContaining({number: 3}), fields: [{field: 'venue', before: 'Arxiv', after: 'ICLR 2025'}]}])
    expect(json.counts).toMatchObject({papersAdded: 0, papersRemoved: 0, papersChanged: 1, papersRenumbered: 0})
  })

  it('markdown: the venue, before and after', () => {
    expect(markdown).toContain('| ✏️ changed | [3] [FoldGPT](https://arxiv.org/abs/2407.00928) | Papers | venue: “Arxiv” → “ICLR 2025” |')
  })
})

/** Rewrites every `[N]` of the tables by `map`, as a careful contributor does when renumbering. */
function renumberTables(text: string, map: Record<number, number>): string {
  return text.split('\n').map((line) => (line.startsWith('|') ? line.replace(/\[(\d+)\]/g, (ref, n: string) => (map[Number(n)] ? `[${map[Number(n)]}]` : ref)) : line)).join('\n')
}

/** Each table row of the seed with the numbers it cites. */
const seedRows = seedSource.split('\n').filter((line) => /^\| [^-]/.test(line) && !line.startsWith('| Name')).map((line) => ({name: line.split('|')[1]!.trim(), refs: [...line.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]))}))

const inserted = '- [3] Inserted Paper: A Study of Pruning\n  Arxiv, [Paper](https://arxiv.org/abs/2409.00001)\n'
/** A paper inserted as [3], and [3]–[5] renumbered to [4]–[6] in the list. */
function insertAtThree(text: string): string {
  return edit(text,
    ['- [5] LaCo', '- [6] LaCo'],
    ['- [4] Pruning via Merging', '- [5] Pruning via Merging'],
    ['- [3] FoldGPT', `${inserted}- [4] FoldGPT`]
  )
}

describe('a block of papers renumbered, with the table references updated', async () => {
  const head = edit(renumberTables(insertAtThree(seedSource), {3: 4, 4: 5, 5: 6}), ['| SCIQ |   [4]   |', '| SCIQ |   [3],[4]   |'])
  const {json, markdown} = await diff(head)

  it('JSON: one renumbering for the run, not three changes; the references followed their papers', () => {
    expect(json.renumberings).toEqual([{sections: ['Papers'], from: [3, 5], to: [4, 6], papers: 3, text: 'papers [3]–[5] renumbered to [4]–[6]'}])
    expect(json.papers.added.map((paper) => paper.number)).toEqual([3])
    expect(json.papers.changed).toEqual([])
    expect(json.references.repointed).toEqual([])
    // Every reference to [3], [4] or [5] was rewritten, and still cites its paper.
    expect(json.references.followed).toBe(seedRows.flatMap((row) => row.refs).filter((n) => n >= 3).length)
    expect(json.citations).toEqual({added: [expect.objectContaining({name: 'SCIQ', paper: expect.objectContaining({number: 3, short: 'Inserted Paper'})})], removed: []})
    expect(json.findings).toEqual(noFindingChange)
  })

  it('markdown: the run as one line', () => {
    expect(markdown).toMatch(/^## Changes to the list: 1 paper added, 3 renumbered, 1 citation added\n/)
    expect(markdown).toMatch(/### Renumbered\n\n- papers \[3\]–\[5\] renumbered to \[4\]–\[6\]\n\n\d+ table references were rewritten to follow their papers\.\n/)
    expect(markdown).not.toContain('✏️ changed')
  })
})

describe('a reference re-pointed by a renumbering while its text stayed the same', async () => {
  // The same insertion, but the tables are left as they were: every [3] now means the new paper.
  const {json, markdown} = await diff(insertAtThree(seedSource))

  // A [3] now means the new paper, a [4] FoldGPT: a row loses FoldGPT where it cited [3] without [4], and loses
  // Pruning via Merging wherever it cited [4].
  const lost = seedRows.flatMap((row) => row.refs.filter((n) => (n === 3 && !row.refs.includes(4)) || n === 4).map((n) => `${row.name} [${n}]`))

  it('JSON: each reference whose text stayed but which no longer cites its paper, with where that paper went', () => {
    expect(lost.length).toBeGreaterThan(10)
    expect(json.references.repointed.map((ref) => `${ref.name} ${ref.text}`)).toEqual(lost)
    expect(json.references.repointed[0]).toEqual({
      kind: 'model',
      name: 'LLaMA2-7B',
      role: null,
      text: '[4]',
      line: 43,
      before: expect.objectContaining({number: 4, short: 'Pruning via Merging', arxiv: '2406.16330'}),
      after: expect.objectContaining({number: 4, short: 'FoldGPT', arxiv: '2407.00928'}),
      beforeNow: expect.objectContaining({number: 5, short: 'Pruning via Merging'})
    })
    expect(json.references.repointed).toContainEqual(expect.objectContaining({name: 'Gemma-2B', text: '[3]', before: expect.objectContaining({short: 'FoldGPT'}), after: expect.objectContaining({short: 'Inserted Paper'})}))
    // What the re-pointing explains is not listed again; what it does not (LLaMA2-7B's [3] now brings in the new paper) is.
    expect(json.citations.removed).toEqual([])
    expect(json.citations.added.map((entry) => `${entry.name} ${entry.paper.short}`)).toContain('LLaMA2-7B Inserted Paper')
    expect(json.renumberings.map((run) => run.text)).toEqual(['papers [3]–[5] renumbered to [4]–[6]'])
    // Pruning via Merging lost every citation.
    expect(json.findings.introduced).toEqual([expect.objectContaining({rule: 'paper-unreferenced', subject: 'paper [5] Pruning via Merging'})])
  })

  it('markdown: a warning first, then each reference with the paper it cited and the one it cites now', () => {
    expect(markdown).toMatch(new RegExp(`^## Changes to the list: 1 paper added, 3 renumbered, ${lost.length} references re-pointed`))
    const warning = markdown.indexOf(`> ⚠️ **${lost.length} references now cite another paper while their text stayed the same**`)
    expect(warning).toBeGreaterThan(0)
    expect(warning).toBeLessThan(markdown.indexOf('### Papers'))
    expect(markdown).toContain('| model <code>Gemma-2B</code> | <code>[3]</code> | [3] [FoldGPT](https://arxiv.org/abs/2407.00928) (now [4]) | [3] [Inserted Paper](https://arxiv.org/abs/2409.00001) |')
  })
})

it('a renumbering that runs on from one section into the next is still one line', async () => {
  const entry = (n: number, id: number) => `- [${n}] Paper ${id}: On Pruning\n  Arxiv, [Paper](https://arxiv.org/abs/2401.0000${id})\n`
  const list = (first: number[], second: number[]) => `# L\n\n## Papers\n\n### Survey\n\n${first.map((id, i) => entry(i + 1, id)).join('')}\n### Layer Pruning\n\n${second.map((id, i) => entry(first.length + i + 1, id)).join('')}`
  const {json, markdown} = await diff(list([1, 9, 2, 3], [4, 5]), list([1, 2, 3], [4, 5]))
  expect(json.renumberings).toEqual([{sections: ['Survey', 'Layer Pruning'], from: [2, 5], to: [3, 6], papers: 4, text: 'papers [2]–[5] renumbered to [3]–[6] in Survey and Layer Pruning'}])
  expect(markdown).toContain('- papers [2]–[5] renumbered to [3]–[6] in Survey and Layer Pruning\n')
})

describe('a model renamed', async () => {
  const {json, markdown} = await diff(edit(seedSource, ['| LLaMA2-7B    |', '| LLaMa2-7B    |']))

  it('JSON: removed plus added, the new spelling flagged as looking like the old', () => {
    expect(json.names.added).toEqual([{
      kind: 'model',
      name: 'LLaMa2-7B',
      papers: [expect.objectContaining({number: 2}), expect.objectContaining({number: 3}), expect.objectContaining({number: 4})],
      lookAlike: {name: 'LLaMA2-7B', how: '`LLaMa2-7B` beside `LLaMA2-7B`: case or punctuation', suggestion: 'LLaMA2-7B', stillListed: false}
    }])
    expect(json.names.removed).toEqual([expect.objectContaining({kind: 'model', name: 'LLaMA2-7B', lookAlike: null})])
    expect(json.counts).toMatchObject({namesAdded: 1, namesRemoved: 1, lookAlikes: 1, citationsAdded: 0, citationsRemoved: 0})
  })

  it('markdown: the look-alike flagged beside the new name', () => {
    expect(markdown).toMatch(/^## Changes to the list: 1 name added, 1 removed \(1 look-alike\)\n/)
    expect(markdown).toContain('| ⚠️ added | model | <code>LLaMa2-7B</code> | [2] [ShortGPT](https://arxiv.org/abs/2403.03853), [3] [FoldGPT](https://arxiv.org/abs/2407.00928), [4] [Pruning via Merging](https://arxiv.org/abs/2406.16330) | looks like <code>LLaMA2-7B</code> (removed by this change): <code>LLaMa2-7B</code> beside <code>LLaMA2-7B</code>: case or punctuation; if it is the same, write <code>LLaMA2-7B</code> |')
    expect(markdown).toContain('| ➖ removed | model | <code>LLaMA2-7B</code> |')
  })
})

describe('a finding introduced and one fixed, with every line below moved', async () => {
  const {json, markdown} = await diff(edit(seedSource,
    ['comprehensive resource', 'comprehensive\n\nresource'], // two lines more above everything: old findings move, and stay old
    ['| PIQA    |    [1],[2],[3],[4], |', '| PIQA    |    [1],[2],[3],[4] |'],
    ['[Code](https://github.com/Nota-NetsPresso/shortened-llm)', '[Code](http://github.com/Nota-NetsPresso/shortened-llm)']
  ))

  it('JSON: the new finding at its line, the fixed one at its line before; the rest unchanged', () => {
    expect(json.findings.introduced).toEqual([{rule: 'url-http', severity: 'warning', message: expect.stringContaining('Link `Code` uses http://; link to `https://github.com/Nota-NetsPresso/shortened-llm`'), line: 21, column: 53, subject: 'paper [1] Shortened LLaMA'}])
    expect(json.findings.fixed).toEqual([{rule: 'trailing-comma', severity: 'warning', message: 'Stray comma after the last reference of `PIQA`; delete the comma after the last reference', line: 70, column: 31, subject: 'dataset PIQA'}])
    expect(json.findings.unchanged).toBe(11)
  })

  it('markdown: both, in a table with their rule', () => {
    expect(markdown).toMatch(/^## Changes to the list: 1 paper changed, 1 finding introduced, 1 fixed\n/)
    expect(markdown).toMatch(/\| 🆕 introduced \| ⚠️ warning \| line 21, paper \[1\] Shortened LLaMA \| Link <code>Code<\/code> uses http:\/\/; .* \| <code>url-http<\/code> \|/)
    expect(markdown).toMatch(/\| ✅ fixed \| ⚠️ warning \| line 70 \(before\), dataset PIQA \| .* \| <code>trailing-comma<\/code> \|/)
    expect(markdown).toContain('11 findings were already in the list and are unchanged.')
  })
})

describe('no change at all', () => {
  it('the same README: "No change to the list"', async () => {
    const {json, markdown} = await diff(seedSource)
    expect(json).toMatchObject({changed: false, textChanged: false, counts: {papersAdded: 0, findingsIntroduced: 0}, findings: noFindingChange})
    expect(markdown).toMatch(/^## No change to the list\n\n<code>content\/README.md<\/code>: merge base with main \([0-9a-f]{7}\) → working tree\n$/)
  })

  it('prose and spacing only: still "No change to the list", saying the text changed outside it', async () => {
    const {json, markdown} = await diff(edit(seedSource, ['It aims to serve', 'It aims, above all, to serve'], ['| BoolQ   |  [1],[2],[3],[4]   |', '| BoolQ | [1], [2], [3], [4] |']))
    expect(json).toMatchObject({changed: false, textChanged: true})
    expect(markdown).toMatch(/^## No change to the list \(the README changed only outside it: prose, spacing or layout\)\n/)
  })
})

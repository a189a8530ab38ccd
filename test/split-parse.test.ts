import {afterAll, describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {VFile} from 'vfile'
import {analyzeTree, build} from '../src/build.ts'
import {PieceCache} from '../src/parse/cache.ts'
import {EntryMemo} from '../src/extract/entry-memo.ts'
import {splitPieces} from '../src/parse/pieces.ts'
import {parseSplit, parseSplitParallel, parseWhole} from '../src/parse/split.ts'
import {syntheticReadme} from '../scripts/bench/readme.ts'
import {withPaperInserted} from '../scripts/bench/diff-repo.ts'
import {renumbered} from '../src/parse/renumbered.ts'
import {locator} from '../src/extract/place.ts'
import type {ItemAdapter} from '../src/extract/adapters/adapter.ts'
import {itemAdapters} from '../src/extract/adapters/index.ts'
import type {List, Paragraph} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {seedSource} from './helpers/seed.ts'

const tmp = mkdtempSync(join(tmpdir(), 'site-split-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** Every cut a piece: the hardest case for the merge. */
const everyCut = {min: 0, max: 0}

/** The graph and the diagnostics, as a contributor and the site see them. */
function outcome(value: string, tree: ReturnType<typeof parseWhole>, memo?: EntryMemo) {
  const file = new VFile({path: 'README.md', value})
  const {graph, raw} = analyzeTree(file, tree, {memo})
  const messages = file.messages.map(({reason, line, column, ruleId, fatal, place}) => ({reason, line, column, ruleId, fatal, place}))
  const {paper, model, dataset, method, section, ...data} = graph
  // The entries as read, with every place a rule may point at.
  return {graph: data, messages, papers: raw.papers}
}

function expectSame(value: string, granularity = everyCut) {
  const whole = parseWhole(value)
  const split = parseSplit(value, {cache: new PieceCache(), granularity})
  expect(split).toEqual(whole)
  expect(outcome(value, split)).toEqual(outcome(value, whole))
}

/** Each version read as the dev server reads it, with the cache and the memo kept, must equal a reading from scratch. */
function expectSaves(versions: string[], memo: EntryMemo, cache: PieceCache) {
  for (const value of versions) {
    const kept = outcome(value, parseSplit(value, {cache, granularity: everyCut}), memo)
    expect(kept).toEqual(outcome(value, parseWhole(value)))
  }
}

// --- Generated READMEs: every entry form, and the constructs that make a cut unsafe. ---

const word = fc.constantFrom('Pruning', 'LLaMA', 'sparse', 'layer', 'merging', 'GPT', 'über', 'foo', '`code`', '*em*', '[1]', '[foo]', '[Foo][]', '[x][bar]', '[^n]', '<b>', 'a|b', '\\]')
const text = fc.array(word, {minLength: 1, maxLength: 6}).map((words) => words.join(' '))
const url = fc.constantFrom('https://arxiv.org/pdf/2402.02834', 'https://openreview.net/pdf?id=x1', 'javascript:alert(1)', '', 'http://example.com/a b')
const number = fc.option(fc.integer({min: 1, max: 12}), {nil: undefined}).map((n) => (n === undefined ? '' : String(n)))
const venue = fc.constantFrom('Arxiv', 'ICML23', 'ICLR 2024', 'NeurIPS 2024', '')
const links = fc.array(fc.tuple(fc.constantFrom('Paper', 'Code', 'Website', ''), url), {maxLength: 3}).map((list) => list.map(([label, href]) => `[${label}](${href})`).join(', '))

const entry = fc.oneof(
  // The seed's form: title, then venue and links on the next line.
  fc.tuple(number, text, venue, links).map(([n, title, v, l]) => [`- [${n}] ${title}`, `  ${v}, ${l}`]),
  // Seed form followed by sub-bullets.
  fc.tuple(number, text, venue, links, text, text).map(([n, title, v, l, label, summary]) => [`- [${n}] ${title}`, `  ${v}, ${l}`, `  - Label: ${label}`, `  - Summary: ${summary}`]),
  // Venue and links as a sub-bullet.
  fc.tuple(number, text, venue, links, text, fc.boolean()).map(([n, title, v, l, label, empty]) => [`- [${n}] ${title}`, `  - Publication: ${v}, ${l}`, `  - Label: ${label}`, empty ? '  - Summary:' : `  - Summary: ${label}.`]),
  // One line, other markers, loose items, lazy continuation, a paragraph inside the item.
  fc.tuple(number, text, links).map(([n, title, l]) => [`- [${n}] ${title} ${l}`]),
  fc.tuple(fc.constantFrom('*', '+'), number, text, links).map(([marker, n, title, l]) => [`${marker} [${n}] ${title}`, `  Arxiv, ${l}`]),
  fc.tuple(number, text, links).map(([n, title, l]) => [`- [${n}] ${title}`, `Arxiv, ${l}`]),
  fc.tuple(number, text, links).map(([n, title, l]) => [`- [${n}] ${title}`, '', `  Arxiv, ${l}`])
)

const table = fc.array(fc.tuple(text, fc.constantFrom('[1],[2]', '[3]', '[1], [x]', '[2402.02834]', '', '[1],[3],')), {maxLength: 4}).map((rows) => [
  '| Name | Paper |',
  '|------|-------|',
  ...rows.map(([name, refs]) => `| ${name} | ${refs} |`)
])

/** Things that hide a `# heading` or a `- item` at column 1 from the block parser, or change a list. */
const tricky = fc.oneof(
  fc.tuple(fc.constantFrom('```', '~~~', '````', ' ```', '  ~~~', '   ```', '```js'), fc.boolean()).map(([fence, closed]) => [fence, '# not a heading', '- not an item', ...(closed ? [fence.trim().replace('js', '')] : [])]),
  fc.constantFrom(
    ['<div>', '# inside html', '- still html', '</div>'],
    ['<div>', '', '# after a blank line'],
    ['<!-- a comment', '# in the comment', '-->'],
    ['<!-- one line -->'],
    ['<img src="x.png">', '- after an inline tag'],
    [' <pre>', '# in pre', '</pre>'],
    ['<?php', '# x', '?>'],
    ['<!DOCTYPE html>'],
    ['<![CDATA[', '- x', ']]>'],
    ['- item', '  ```', '# fenced in an item?', '  ```'],
    ['- item', ' ```', '# after an unindented fence', ' ```'],
    ['> quote', '- after a quote'],
    ['> quote', 'lazy line'],
    ['1. ordered', '2. second'],
    ['2) ordered'],
    ['- - -'],
    ['* * *'],
    ['***'],
    ['Setext', '---'],
    ['Setext', '==='],
    ['- '],
    ['-'],
    ['    indented code', '    # x'],
    ['\tindented with a tab'],
    ['[foo]: https://example.com/foo'],
    ['[Bar]: https://example.com/bar "title"'],
    ['> [foo]: https://example.com/quoted'],
    ['[^n]: A footnote.'],
    ['[^n]: A footnote', '    continued.'],
    ['#no heading'],
    ['#######  seven'],
    ['#'],
    ['## '],
    ['- [ ] task', '- [x] done'],
    ['\u00a0'],
    ['  - nested under nothing'],
    ['+ plus']
  )
)

const block = fc.oneof(
  {weight: 4, arbitrary: fc.array(entry, {minLength: 1, maxLength: 4}).map((entries) => entries.flat())},
  {weight: 2, arbitrary: fc.tuple(fc.integer({min: 1, max: 4}), text).map(([depth, title]) => [`${'#'.repeat(depth)} ${title}`])},
  {weight: 1, arbitrary: fc.constantFrom(['## Papers'], ['### Survey'], ['## Models'], ['## Datasets'], ['### For Evaluation'], ['## Tools'], ['# Contents'])},
  {weight: 1, arbitrary: text.map((line) => [line])},
  {weight: 1, arbitrary: table},
  {weight: 3, arbitrary: tricky},
  {weight: 2, arbitrary: fc.constant([''])}
)

const readme = fc
  .tuple(fc.array(block, {minLength: 1, maxLength: 14}), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([blocks, eol, trailing]) => blocks.flat().join(eol) + (trailing ? eol : ''))

describe('the split parse equals the whole-file parse', () => {
  it('on the seed: the same tree, graph and diagnostics, cut at every boundary and at the default size', () => {
    expect(splitPieces(seedSource, everyCut).length).toBeGreaterThan(10)
    expectSame(seedSource)
    expectSame(seedSource, undefined)
  })

  it('on generated READMEs in every entry form, with code, HTML, quotes, tables and definitions', () => {
    fc.assert(fc.property(readme, (value) => expectSame(value)), {numRuns: Number(process.env['SPLIT_RUNS'] ?? 250)})
  })

  it('on the seed with papers added and edited, with the cache kept between parses', () => {
    const cache = new PieceCache()
    const lines = seedSource.split('\n')
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(lines.length), entry), {maxLength: 3}), (edits) => {
        const copy = [...lines]
        for (const [at, added] of edits) copy.splice(at, 0, ...added)
        const value = copy.join('\n')
        expect(parseSplit(value, {cache, granularity: everyCut})).toEqual(parseWhole(value))
      }),
      {numRuns: 100}
    )
    expect(cache.hits).toBeGreaterThan(cache.misses)
  })

  it('on a 1,000-paper list in the sub-bullet form, parsed on two threads', async () => {
    const value = syntheticReadme({papers: 1000, form: 'sub-bullets'})
    const split = await parseSplitParallel(value, {cache: new PieceCache()})
    expect(split).toEqual(parseWhole(value))
  })
})

describe('entries kept from earlier saves (the dev server)', () => {
  /** A version of `lines` with an entry inserted, a line deleted, or a line's text changed, as a contributor edits. */
  const edit = fc.oneof(
    fc.tuple(fc.constant('insert' as const), fc.nat(), entry.map((added) => added.join('\n'))),
    fc.tuple(fc.constant('delete' as const), fc.nat(), fc.constant('')),
    fc.tuple(fc.constant('change' as const), fc.nat(), text),
    // Every `[N]` from some N on counts one up, in entries, titles and tables alike, as when a paper is inserted.
    fc.tuple(fc.constant('renumber' as const), fc.nat(), fc.constant(''))
  )
  const apply = (lines: string[], [kind, at, added]: [string, number, string]) => {
    const copy = [...lines]
    const n = lines.length === 0 ? 0 : at % lines.length
    if (kind === 'renumber') return copy.map((line) => line.replace(/\[(\d+)\]/g, (whole, digits: string) => (Number(digits) >= at % 13 ? `[${Number(digits) + 1}]` : whole)))
    if (kind === 'insert') copy.splice(n, 0, ...added.split('\n'))
    else if (kind === 'delete') copy.splice(n, 1)
    else copy[n] = `${copy[n] ?? ''}${added}`.replace(/^(- \[\d*\] )/, `$1${added} `)
    return copy
  }

  it('equal a reading from scratch, on generated READMEs edited one save after another', () => {
    fc.assert(
      fc.property(readme, fc.array(edit, {minLength: 1, maxLength: 4}), (value, edits) => {
        const versions = [value]
        let lines = value.split('\n')
        for (const one of edits) versions.push((lines = apply(lines, one)).join('\n'))
        expectSaves(versions, new EntryMemo(), new PieceCache())
      }),
      // Each run reads up to five versions twice: 100 runs take the time 250 single parses do.
      {numRuns: Math.ceil(Number(process.env['SPLIT_RUNS'] ?? 250) * 0.4)}
    )
  })

  it('equal a reading from scratch where a search for a place could run past its entry', () => {
    // A title not written as it reads (`*em* foo`) and a later entry that spells it; a number written `&#91;1]`;
    // unclosed links in a README with lone CR line endings. Each search once ran on into another entry.
    const lines = ['## Papers', '', '- [1] *em* foo', '  Arxiv, [Paper](https://arxiv.org/abs/2401.00001)', '- &#91;2] bar', '  Arxiv, [Paper](broken', '', '- [3] em foo baz', '  Arxiv, [Paper](broken', '']
    for (const eol of ['\n', '\r']) {
      const before = lines.join(eol)
      const after = before.replace('- &#91;2] bar', `prose${eol}${eol}- &#91;2] bar, retitled`)
      expectSaves([before, after, before.replace('- [3]', `more${eol}${eol}- [3]`)], new EntryMemo(), new PieceCache())
    }
    // Each place is looked for in its own entry: the title's once ran on to [3], and a kept reading pointed where [3] had been.
    const value = lines.join('\n')
    const [first, second, third] = analyzeTree(new VFile({path: 'README.md', value}), parseWhole(value)).raw.papers
    expect(first?.titlePosition?.start.line).toBe(3)
    expect(second?.numberPosition).toBeUndefined()
    expect(third?.unclosedLinks.map((link) => link.position?.start.line)).toEqual([9])
  })

  it('equal a reading from scratch on the seed and on a 300-paper list, each paper read once and then moved', () => {
    const memo = new EntryMemo()
    const cache = new PieceCache()
    const retitled = seedSource.replace('[1] ', '[1] Retitled ').replace('\n- [3] ', '\n- [3] Another\n  Arxiv, [Paper](https://arxiv.org/abs/2401.00001)\n- [4] ')
    expectSaves([seedSource, retitled, seedSource], memo, cache)
    // The seed's five papers are read again on the third save, unchanged since the first: all from the memo.
    expect(memo.hits).toBeGreaterThanOrEqual(5)
    const large = syntheticReadme({papers: 300, form: 'sub-bullets'})
    expectSaves([large], memo, cache)
    const before = memo.misses
    expectSaves([large.replace(/^- \[(\d+)\] /m, (opening) => `${opening}Edited `)], memo, cache)
    // The edit adds characters to the first paper: every later paper moved, and only the edited one was read
    // again, once by each form (the first entry is in the sample the section's form is chosen by).
    expect(memo.misses - before).toBeGreaterThanOrEqual(1)
    expect(memo.misses - before).toBeLessThanOrEqual(itemAdapters.length)
  })
})

describe('renumbered pieces (a paper inserted near the top)', () => {
  const list = syntheticReadme({papers: 300, form: 'sub-bullets'})
  const inserted = withPaperInserted(list)

  it('are copied from the cached pieces with the new digits, and equal a parse from scratch', () => {
    const cache = new PieceCache()
    parseSplit(list, {cache})
    const before = cache.misses
    expect(parseSplit(inserted, {cache})).toEqual(parseWhole(inserted))
    // Nearly every piece after the new paper differs from one before only in its digits.
    expect(cache.renumbered).toBeGreaterThan(splitPieces(inserted).length * 0.8)
    expect(cache.misses - before).toBeLessThan(splitPieces(inserted).length * 0.2)
  })

  it('keep their entries’ readings with the new numbers, and the graph and findings equal a reading from scratch', () => {
    const memo = new EntryMemo()
    expectSaves([list, inserted], memo, new PieceCache())
    expect(memo.hits).toBeGreaterThan(250)
  })

  it('keep a reading only when the entry’s own number is all that changed in what it read', () => {
    // A title that cites a number too: both change, and the entry is read again.
    const lines = ['## Papers', '', '- [2] Pruning, after [2] and [7]', '  Arxiv, [Paper](https://arxiv.org/abs/2401.00001)', '- [3] Merging', '  Arxiv, [Paper](https://arxiv.org/abs/2401.00002)', '']
    const value = lines.join('\n')
    const memo = new EntryMemo()
    const pieces = new PieceCache()
    expectSaves([value], memo, pieces)
    // Which entries (by line) the renumbering save gave back from the memo in the section's form, the first time it asked for each.
    const kept = new Map<number, boolean>()
    for (const method of ['read', 'peek'] as const) {
      const read = memo[method].bind(memo)
      memo[method] = (adapter, item, section, at) => {
        const hits = memo.hits
        const paper = read(adapter, item, section, at)
        const line = item.position!.start.line
        if (adapter.name === 'bullets' && !kept.has(line)) kept.set(line, memo.hits > hits)
        return paper
      }
    }
    expectSaves([value.replace(/\[(\d)\]/g, (_, n: string) => `[${Number(n) + 1}]`)], memo, pieces)
    expect(Object.fromEntries(kept)).toEqual({3: false, 5: true})
    // Texts an adapter finds by searching the item (a title `2`, an unclosed `[3](`) may be found in the new number.
    const head = '## Papers\n\n'
    const venue = '  Arxiv, [Paper](https://arxiv.org/abs/2401.00001)\n'
    for (const [was, now] of [['- [1] 2', '- [2] 2'], ['- [11] 42', '- [42] 42'], ['- [1]( x [3](', '- [3]( x [3](']]) {
      expectSaves([`${head}${was}\n${venue}`, `${head}${now}\n${venue}`], new EntryMemo(), new PieceCache())
    }
    // A reader that keeps the whole item, number included, as a field: its reading is made again.
    const wholeItem: ItemAdapter = {
      name: 'whole-item',
      reads: 'items',
      description: 'test',
      read: (item, section) => {
        const start = (item.children[0] as Paragraph).children[0]!.position!.start
        const numberPosition = {start, end: {line: start.line, column: start.column + 3, offset: start.offset! + 3}}
        const fields = [{kind: 'publication' as const, key: '', text: toString(item), trailingComma: undefined, position: item.position}]
        return {number: Number(toString(item).slice(1, 2)), title: 'x', venue: '', links: [], labels: [], labelPositions: [], unclosedLinks: [], summary: undefined, fields, section, position: item.position, titlePosition: undefined, numberPosition}
      }
    }
    const cache = new PieceCache()
    const readWith = (text: string) => {
      const item = (parseSplit(text, {cache}).children[0] as List).children[0]!
      return memo.read(wholeItem, item, 'papers', locator(new VFile({path: 'README.md', value: text})))
    }
    readWith('- [2] A paper')
    expect(readWith('- [3] A paper')?.fields[0]?.text).toBe('[3] A paper')
    expect(cache.renumbered).toBe(1)
  })

  it('are parsed again where the new digits would not be text: a link’s url, a defined reference, a code span', () => {
    // The tree of each, renumbered from the one before, is none or the one a parse gives.
    for (const [was, now] of [['- [2] a\n\n[3]: https://x.org', '- [3] a\n\n[3]: https://x.org'], ['a <https://x.org/[2]>', 'a <https://x.org/[3]>'], ['a `[2]`', 'a `[3]`'], ['a &#91;2] [2]', 'a &#91;3] [3]'], ['x [1\n] y', 'x [22] y']]) {
      const tree = renumbered(was!, parseWhole(was!), now!)
      if (tree) expect(tree).toStrictEqual(parseWhole(now!))
    }
    // Two numbers in one paragraph, and in sibling items: the copies share their upper nodes.
    for (const [was, now] of [['[1] [2]\n\n- [3] x\n- [4] y\n', '[2] [3]\n\n- [4] x\n- [5] y\n']]) {
      expect(renumbered(was!, parseWhole(was!), now!)).toStrictEqual(parseWhole(now!))
    }
    const cases = [
      ['- [2] a <https://x.org/[2]> b', '- [3] a <https://x.org/[3]> b'],
      ['- [2] a https://x.org/[2] b', '- [3] a https://x.org/[3] b'],
      ['- [2] a `[2]` b', '- [3] a `[3]` b'],
      ['- [2] a [2] b\n\n[3]: https://x.org', '- [3] a [3] b\n\n[3]: https://x.org']
    ]
    for (const [was, now] of cases) {
      const cache = new PieceCache()
      parseSplit(was!, {cache, granularity: everyCut})
      expect(parseSplit(now!, {cache, granularity: everyCut})).toEqual(parseWhole(now!))
    }
  })
})

describe('a build with the split parse', () => {
  it('writes exactly the files, byte for byte, that a build with the whole-file parse writes', async () => {
    const input = join(tmp, 'README.md')
    writeFileSync(input, `${seedSource}\n[ref]: https://example.com/ref\n`.replace('Applicability with Quantization', 'Applicability with [Quantization][ref]'))
    const split = await build({input, out: join(tmp, 'split'), base: '/'})
    const whole = await build({input, out: join(tmp, 'whole'), base: '/', wholeFileParse: true})
    expect(split.written && whole.written).toBe(true)
    const files = (root: string) => walk(root).map((file) => [relative(root, file), readFileSync(file, 'utf8')])
    const built = files(join(tmp, 'split'))
    expect(built.length).toBeGreaterThan(40)
    expect(built).toEqual(files(join(tmp, 'whole')))
    // The reference at the end resolves to the definition in another piece.
    expect(JSON.stringify(parseSplit(readFileSync(input, 'utf8'), {granularity: everyCut}))).toContain('"type":"linkReference"')
  })

  it('reports the same diagnostics at the same places as the whole-file parse', async () => {
    const input = join(tmp, 'broken.md')
    writeFileSync(input, seedSource.replace('| Gemma-2B |  [3] |', '| Gemma-2B |  [9], [x] |').replace('[Paper](https://arxiv.org/pdf/2402.11187)', '[Paper](javascript:alert(1))'))
    const messages = async (wholeFileParse: boolean) => {
      const result = await build({input, out: join(tmp, 'never'), wholeFileParse})
      expect(result.written).toBe(false)
      return result.files[0]!.messages.map(({reason, line, column, ruleId}) => ({reason, line, column, ruleId}))
    }
    const split = await messages(false)
    expect(split.length).toBeGreaterThanOrEqual(3)
    expect(split).toEqual(await messages(true))
  })
})

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name)
      return statSync(full).isDirectory() ? walk(full) : [full]
    })
}




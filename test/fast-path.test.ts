import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {parseFast} from '../src/parse/fast-path.ts'
import {processor} from '../src/parse/processor.ts'
import {splitPieces} from '../src/parse/pieces.ts'
import {listForms, syntheticReadme} from '../scripts/bench/readme.ts'
import {seedSource} from './helpers/seed.ts'

/** The same tree as remark's, compared as JSON too, so that even the order of each node's keys is the same. */
function expectRemarks(text: string) {
  const fast = parseFast(text)
  if (!fast) return false
  const remark = processor.parse(text)
  expect(fast).toEqual(remark)
  expect(JSON.stringify(fast)).toBe(JSON.stringify(remark))
  return true
}

describe('the direct reading of plain pieces', () => {
  it('gives remark\'s tree for every piece it takes, in every entry form, and takes most of a flat list', () => {
    for (const form of ['flat', 'sub-bullets', ...listForms] as const) {
      const pieces = splitPieces(syntheticReadme({papers: form === 'flat' ? 1000 : 300, form}))
      const taken = pieces.filter((piece) => expectRemarks(piece.text)).length
      if (form === 'flat') expect(taken).toBeGreaterThan(pieces.length * 0.8)
    }
    for (const piece of splitPieces(seedSource)) expectRemarks(piece.text)
  })

  it('leaves to remark what it does not read', () => {
    const declined = [
      '- [1] A\n\n- [2] B\n', // a loose list
      '- [ ] task\n', // a task list item
      '- [1] A\nlazy\n', // a lazy continuation
      '- [1] see www.example.org\n', // an autolink
      '- [1] *em*\n', // emphasis
      '- [1] A\n  - Label: x\n  more\n', // a nested item continued
      '- [1] A\n  - Label: x\n    - deeper\n', // a list nested twice
      '- [1] see https://x.org/a.\n', // an autolink with trailing punctuation
      '- [1] see https://x.org/a?b=c\n', // an autolink with a query
      '- [1] see xhttps://x.org/a\n', // an autolink not after a space
      '- [1] see HTTPS://x.org/a\n', // an autolink in capitals
      '- [a][b]\n', // a full reference
      '[a]: https://example.org\n', // a definition
      '- [P](https://x.org "title")\n', // a title
      '## Title ##\n', // a closing sequence
      '| a | b |\n|---|---|\n| c |\n', // a row short of a cell
      '| a |\n|---|\nrow\n' // a row without pipes
    ]
    for (const text of declined) expect(parseFast(text), text).toBeUndefined()
    expect(parseFast('## Papers\n\n- [1] A: B\n  Arxiv, [Paper](https://arxiv.org/pdf/2408.07919)\n')).toBeDefined()
    // The key-value and sub-bullet forms: an item's own list, and bare links in it.
    expect(expectRemarks('- A title: here\n  - Link: https://arxiv.org/pdf/2408.07919\n  - Code: https://github.com/org2/repo-2 and http://x.org/\n- [2] B\n  Arxiv, [Paper](u)\n  - Label: x, y\n')).toBe(true)
    expect(parseFast('### Survey\n\n> Papers on survey, newest last.\n\n| No. | Title |\n|---|---|\n| 1 | [A](https://x.org) |\n')).toBeDefined()
    expect(parseFast('> one\n> two\n')).toBeUndefined()
    expect(parseFast('## Models\n| Name | Paper |\n|---|:--:|\n| LLaMA | [1],[2] |\n')).toBeDefined()
  })

  it('equals remark on generated lines wherever it answers', () => {
    const inline = fc.constantFrom('[1]', '[A](u)', '[Paper](https://x.y/z?a=1#f)', 'a', 'Bc', ' ', ':', ', ', '(x)', ')', '(', ']', '.', '1.', '-', '#', 'é', '[ab cd]', '[x]', '[ ]', 'www.', '*', '---', '"', '[a]()', '[a](b c)', '[a](<b>)', '/', 'https://x.org/a-b', ' https://a.b-c.de/', 'http://x.y/z.', 'https://x.org', 'https://x_y.org/', 'https://x.org/(a)', 'https://x', '_', '<br>', ' <br> ', '<br/>', '<b>', '<', '<br', '[[Paper]](u)', '[[Code]](https://g.com/a)', '[[a]]', '[[a]](', '[[a](u)]', '[[]](u)', '[[a b]](u "t")', '[[*a*]](u)', '<ins>', '</ins>', '<br/>', '< b>', '<a href=x>', '</a b>', '[[a](u)](v)', '[[a](u)][b]', '[[a](u)] ', '**', '**a**', '**A b**', ' **a** ', '**a **', '** a**', '**a*', '*a*', '**a**b', 'x**a**', '**1**', '**(a)**', '***a***')
    const start = fc.constantFrom('', '> ', '>', '# ', '## ', '####### ', '#', '- ', '- ', '- ', '  ', '  ', '   ', ' ', '-', '* ', '1. ', '> ', '  - ', '  - ', '    - ', '  -')
    const line = fc.tuple(start, fc.array(inline, {maxLength: 6})).map(([head, rest]) => head + rest.join(''))
    const piece = fc.tuple(fc.array(line, {minLength: 1, maxLength: 6}), fc.boolean()).map(([lines, end]) => lines.join('\n') + (end ? '\n' : ''))
    fc.assert(fc.property(piece, (text) => void expectRemarks(text)), {numRuns: Number(process.env['FAST_RUNS'] ?? 3000)})
  })

  it('equals remark on generated entries with a list of their own and bare links, wherever it answers', () => {
    const good = fc.constantFrom('a', 'Bc', ':', ', ', '(x)', '.', '-', 'é', '[x]', '[A](u)', '[1]', '1', 'x.org', '<br>', '[[Paper]](https://arxiv.org/pdf/1)', '**Title A**', '<ins>Arxiv</ins>', '[[Paper](https://a.b/1)]', '–', 'https://x.org/a-b', 'https://a.b-c.de/', 'https://x.org', 'https://arxiv.org/pdf/2408.07919', 'https://github.com/org2/repo-2', 'https://a.b/c.d/e')
    const odd = fc.constantFrom('http://x.y/z.', 'https://x_y.org/', 'https://x.org/(a)', 'https://x', '_', ')', 'https://x.org/a-', 'https://-x.org/', 'https://x.o', 'https://x.org/a/', 'https://x.org?a', 'www.x.org')
    const word = fc.oneof({weight: 20, arbitrary: good}, {weight: 1, arbitrary: odd})
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '', ' ', ', ')), {minLength: 1, maxLength: 4}).map((words) => words.map(([w, gap]) => w + gap).join('').trimEnd())
    const field = fc.tuple(fc.constantFrom('Link', 'Pub', 'Code', 'Label', 'Summary'), text).map(([key, value]) => `  - ${key}: ${value}`)
    const after = fc.constantFrom('', '', '', '', '', '', '  lazy', '    - deeper')
    const item = fc
      .tuple(fc.constantFrom('- ', '- [1] ', '- [] '), text, fc.option(text.map((value) => `  ${value}`)), fc.array(field, {maxLength: 4}), after)
      .map(([head, title, venue, fields, tail]) => [head + title, ...(venue ? [venue] : []), ...fields, ...(tail ? [tail] : [])])
    const piece = fc.tuple(fc.array(item, {minLength: 1, maxLength: 4}), fc.boolean(), fc.boolean()).map(([items, end, heading]) => (heading ? '## H\n\n' : '') + items.flat().join('\n') + (end ? '\n' : ''))
    fc.assert(fc.property(piece, (text) => void expectRemarks(text)), {numRuns: Number(process.env['FAST_RUNS'] ?? 3000)})
  })

  it('equals remark on generated one-line entries, as other lists write them, wherever it answers', () => {
    // `Title <br> Venue [[Paper]](url)`, `Title, <ins>Venue</ins> [[Paper](url)]`, `**Title** (Venue) – [Venue](url)`, and near misses.
    const good = fc.constantFrom('a', 'Bc', 'Title A', 'x: y', '(V)', '–', ', ', '1', 'é', '-', '.', ':')
    const word = fc.oneof({weight: 20, arbitrary: good}, {weight: 1, arbitrary: fc.constantFrom('_', '*', '&', '#', '[', ']', '<')})
    const text = fc.array(word, {minLength: 1, maxLength: 3}).map((words) => words.join(' '))
    const construct = fc.constantFrom(' <br> ', '<br>', ' <ins>V</ins> ', '<ins>', '</ins>', ' [[Paper]](https://a.b/1)', ' [[Code]](u)', ' [[Paper](https://a.b/1)]', ' [V](u)', ' – ')
    const odd = fc.constantFrom('<i x>', '[[P](u)](v)', '[[P](u)][q]', '[[P](u)]x', '**', '** a**', '**a **', 'x**a**', '***a***', '<br >')
    const part = fc.oneof(
      {weight: 6, arbitrary: text},
      {weight: 6, arbitrary: construct},
      {weight: 1, arbitrary: odd},
      {weight: 3, arbitrary: text.map((inner) => `**${inner}**`)},
      {weight: 3, arbitrary: text.map((inner) => ` **${inner}** `)}
    )
    const head = fc.oneof({weight: 9, arbitrary: fc.constantFrom('A title', 'Title', '**Title A**', '**T: x (y)**', '[P](u)')}, {weight: 1, arbitrary: fc.constantFrom('', ' ', '(V)', '**', '<br>')})
    const item = fc.tuple(head, fc.array(part, {maxLength: 5})).map(([first, parts]) => `- ${first}${parts.join('')}`.trimEnd())
    const after = fc.constantFrom('', '\n', '\n## Next', '\n### Next', '\n#No', '\n## ', '\n# A #', '\nlazy')
    const piece = fc.tuple(fc.array(item, {minLength: 1, maxLength: 4}), after).map(([items, tail]) => items.join('\n') + tail)
    fc.assert(fc.property(piece, (text) => void expectRemarks(text)), {numRuns: Number(process.env['FAST_RUNS'] ?? 3000)})
    // The three forms themselves are read, not left to remark.
    for (const text of ['- A title <br> Arxiv [[Paper]](https://arxiv.org/pdf/1) [[Code]](https://g.com/x)\n', '- T, <ins>Arxiv</ins> [[Paper](https://a.b/1)]\n## Next\n', '- **Title A** (Li) – [Arxiv](u) [[Code]](v)\n']) expect(expectRemarks(text), text).toBe(true)
  })

  it('equals remark on generated tables wherever it answers', () => {
    const content = fc.array(fc.constantFrom('', ' ', 'a', 'Bc d', '[1]', '[1],[2]', '[A](u)', ' [x](y) z', '-', ':', '---', ':-:', 'é', '[ ]', '#', '*', 'T <br> V', '<br>', '[[Paper]](u)', '<br/>', '**B**', '<ins>V</ins>', '[[P](u)]'), {maxLength: 2})
    const row = fc.tuple(fc.array(content, {minLength: 1, maxLength: 3}), fc.boolean(), fc.boolean()).map(([cells, open, close]) => `${open ? '|' : ''}${cells.map((cell) => cell.join('')).join('|')}${close ? '|' : ''}`)
    const delimiter = fc.array(fc.constantFrom(' --- ', '---', ':-', '-:', ':---:', '-', 'x', ''), {minLength: 1, maxLength: 3}).map((cells) => `|${cells.join('|')}|`)
    const before = fc.constantFrom('', '## Models\n', '- [1] x\n')
    const after = fc.constantFrom('', '\n', '\n\n', '\nx', '\n## B', '\n  x')
    const table = fc.tuple(before, row, delimiter, fc.array(row, {maxLength: 3}), after).map(([head, first, line, rows, tail]) => head + [first, line, ...rows].join('\n') + tail)
    fc.assert(fc.property(table, (text) => void expectRemarks(text)), {numRuns: 3000})
  })
})

import {syntheticReadme} from '../bench/readme.ts'

/**
 * The slow and large inputs of issue 9 (finding 7), at the size the issue found them and at 5 MB, the
 * size up to which every input must end within 30 s; and the bench's 10,000-paper lists, which must still
 * build. Each is made by a function, so that none has to be kept in the repository.
 */
export interface SlowInput {
  name: string
  /** What it is, for the table. */
  what: string
  make(): string
  /** Also run the build (the check alone says all when the input is refused before parsing). */
  build: boolean
  /** Also save it while the dev server runs, and time a request made during the rebuild. */
  dev?: boolean
}

const MB = 1_000_000
const head = '# Awesome-LLM-Pruning\n\n## Papers\n\n- [1] A Paper\n  Arxiv, [Paper](https://arxiv.org/abs/2402.02834)\n\n'
const table = (rows: string) => `## Models\n\n| Name | Paper |\n|---|---|\n${rows}\n`

/** `unit` repeated into blocks of `per`, separated by `separator`, up to about `bytes` in all. */
function fill(bytes: number, block: string, separator = '\n\n'): string {
  const count = Math.max(1, Math.floor((bytes - head.length) / (block.length + separator.length)))
  return head + Array.from({length: count}, () => block).join(separator) + '\n'
}

const filler = 'pruning large language models '.repeat(30)

/** `count` blocks, then plain paragraphs up to about `bytes`: dense markup just under a total limit, in a file of that size. */
function upTo(bytes: number, block: string, count: number): string {
  const dense = Array.from({length: count}, () => block).join('\n\n')
  const rest = Math.max(0, Math.floor((bytes - head.length - dense.length) / (filler.length + 2)))
  return `${head}${dense}\n\n${Array.from({length: rest}, () => filler).join('\n\n')}\n`
}

function nested(depth: number): string {
  return `${'*a '.repeat(depth)}x${' b*'.repeat(depth)}`
}

function growingTicks(runs: number): string {
  let text = ''
  for (let n = 1; n <= runs; n++) text += ` ${String.fromCharCode(97 + (n % 26))} ${'`'.repeat(n)}`
  return text
}

function definitions(count: number): string {
  return head + Array.from({length: count}, (_, n) => `[d${n}]: https://example.org/${n}`).join('\n') + '\n'
}

function footnotes(count: number): string {
  const calls = Array.from({length: count}, (_, n) => `x[^${n}]`)
  const lines: string[] = []
  for (let i = 0; i < calls.length; i += 50) lines.push(calls.slice(i, i + 50).join(' '))
  return `${head}${lines.join('\n')}\n\n${Array.from({length: count}, (_, n) => `[^${n}]: note ${n}`).join('\n')}\n`
}

function modelRows(count: number): string {
  return head + table(Array.from({length: count}, (_, n) => `| ${['LLaMA', 'Mistral', 'Qwen', 'Gemma'][n % 4]}-${n}B | [1] |`).join('\n'))
}

export const slowInputs: SlowInput[] = [
  {name: 'cell of `[1],` × 100,000', what: 'one table cell, 400 KB (took 48 s)', build: false, dev: true, make: () => head + table(`| LLaMA-7B | ${'[1],'.repeat(100_000)} |`)},
  {name: 'cells of `[1],` × 4,900, 5 MB', what: 'rows just under the per-cell limit (over the markup limit in all)', build: true, make: () => head + table(Array.from({length: 250}, (_, n) => `| M-${n} | ${'[1],'.repeat(4900)} |`).join('\n'))},
  {name: '10,000 model rows', what: '200 KB (took 104 s in name-similar)', build: true, make: () => modelRows(10_000)},
  {name: '210,000 model rows, 5 MB', what: 'a table of small rows', build: true, make: () => modelRows(210_000)},
  {name: '`*a ` × 12,000 nested', what: '72 KB of nested emphasis (still running after 120 s)', build: false, make: () => `${head}${nested(12_000)}\n`},
  {name: 'nested emphasis 100 deep, 5 MB', what: 'paragraphs at the nesting limit, up to the markup limit, then words', build: true, make: () => upTo(5 * MB, nested(100), 1450)},
  {name: '`[ a_` × 50,000', what: '200 KB on one line (still running after 120 s)', build: false, make: () => `${head}${'[ a_'.repeat(50_000)}\n`},
  {name: '`[ a_` × 200 per paragraph, 5 MB', what: 'closers that close nothing, at the limit, up to the markup limit, then words', build: true, make: () => upTo(5 * MB, '[ a_'.repeat(200), 700)},
  {name: '100,000 reference definitions', what: '3.5 MB (still running after 120 s)', build: false, make: () => definitions(100_000)},
  {name: '10,000 reference definitions and uses, 5 MB', what: 'at the limit, used up to the markup limit, then words', build: true, make: () => definitions(10_000) + upTo(4.5 * MB, Array.from({length: 20}, (_, n) => `[a link][d${n * 97}]`).join(' '), 3400).slice(head.length)},
  {name: 'growing backtick runs to 3,000', what: '` a `` b ``` …`, 4.5 MB on one line (still running after 120 s)', build: false, make: () => `${head}${growingTicks(3000)}\n`},
  {name: 'growing backtick runs to 20 per paragraph, 5 MB', what: 'unclosed code spans at the limit, up to the markup limit, then words', build: true, make: () => upTo(5 * MB, growingTicks(20), 14_000)},
  {name: '50,000 footnotes', what: '1.5 MB (took 4.3 GB)', build: false, make: () => footnotes(50_000)},
  {name: '1,000 footnotes, 9,000 calls, 5 MB', what: 'at the limits, then words', build: true, make: () => footnotes(1000) + upTo(4.9 * MB, 'Some words [^7] and more words. '.repeat(20), 400).slice(head.length)},
  {name: '140,000 calls to one footnote', what: '4.5 MB (overflowed the renderer\'s stack)', build: false, make: () => `${footnotes(1)}${Array.from({length: 7000}, () => 'Some words [^0] and more words. '.repeat(20)).join('\n\n')}\n`},
  {name: '2 MB of pipes', what: 'one table row (took 4.1 GB)', build: false, make: () => `${head}| a | b |\n|---|---|\n${'|'.repeat(2 * MB)}\n`},
  {name: 'rows of 100 cells, 5 MB', what: 'a table at the column limit', build: true, make: () => `${head}${'| a '.repeat(100)}|\n${'|---'.repeat(100)}|\n${Array.from({length: 12_000}, () => `${'| x '.repeat(100)}|`).join('\n')}\n`},
  {name: '10,000 columns', what: 'a table 10,000 wide (took 2.6 GB)', build: false, make: () => `${head}${'| a '.repeat(10_000)}|\n${'|---'.repeat(10_000)}|\n${Array.from({length: 20}, () => `${'| x '.repeat(10_000)}|`).join('\n')}\n`},
  {name: 'links, 1,000 per paragraph, 5 MB', what: '`[a](https://x.example)` in paragraphs', build: true, make: () => fill(5 * MB, '[a](https://x.example) '.repeat(1000))},
  {name: '145,000 links, 5 MB', what: 'paragraphs of 100 links up to the markup limit, then words', build: true, make: () => upTo(5 * MB, '[a](https://x.example) '.repeat(100), 1450)},
  {name: '145,000 emphases, 5 MB', what: '`*a* ` up to the markup limit, then words', build: true, make: () => upTo(5 * MB, '*a* '.repeat(200), 725)},
  {name: '48,000 table cells, 5 MB', what: 'rows of 40 cells up to the cell limit, then words', build: true, make: () => `${head}${'| a '.repeat(40)}|\n${'|---'.repeat(40)}|\n${Array.from({length: 1200}, () => `${'| x '.repeat(40)}|`).join('\n')}\n\n${upTo(4.8 * MB, filler, 1).slice(head.length)}`},
  {name: 'plain text, 5 MB', what: 'paragraphs of words', build: true, make: () => fill(5 * MB, 'pruning large language models '.repeat(30))},
  {name: 'bench list, 10,000 papers, flat', what: 'scripts/bench/readme.ts: must build', build: true, dev: true, make: () => syntheticReadme({papers: 10_000, form: 'flat'})},
  {name: 'bench list, 10,000 papers, sub-bullets', what: 'scripts/bench/readme.ts: must build', build: true, make: () => syntheticReadme({papers: 10_000, form: 'sub-bullets'})},
  {name: '60 MB README', what: 'too large to read (a 50 MB one ran V8 out of heap)', build: true, make: () => 'pruning large language models '.repeat(2_000_000)}
]

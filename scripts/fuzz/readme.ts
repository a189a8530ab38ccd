import fc from 'fast-check'
import {VFile} from 'vfile'
import {analyze} from '../../src/build.ts'
import {renderSite} from '../../src/render/index.ts'
import {completed} from '../shared/completed.ts'
import {graphJson} from '../../src/render/graph-json.ts'
import {formatMessages} from '../../src/report/terminal.ts'
import {scriptSources} from '../../src/client/entries.ts'

/**
 * Generated and mutated READMEs for property-based tests: the list's own grammar (paper entries with
 * sub-bullets, reference tables, tools, prose), written with hostile pieces, then mutated the way files
 * get damaged: lines deleted, duplicated or swapped, random bytes, truncation, CRLF or CR line endings,
 * a BOM, tabs, NUL, a 1 MB line, block and inline nesting up to 5,000 levels; and the shapes that once
 * ran for minutes (`slowShape`). Inputs stay small (remark is quadratic on long lists
 * with sub-bullets) except for the big-line and deep-nesting mutations.
 */

const token = fc.constantFrom('[', ']', '(', ')', '|', '-', '*', '_', '>', '#', '`', '<', '\\', '!', ':', ',', '[1]', '[x]', '[]', '[^1]', '&#106;', '&amp;', '<b>', '</b>', '<script>', '  ', '\t', '\u0000', '\u202E', '🚀', '剪枝', 'تقليم', 'é', '\r', '\n')
const word = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom('LLaMA2-7B', 'Pruning', 'ShortGPT', 'BoolQ', 'LoRA', 'Arxiv', 'ICML23', 'ACL 2024 Findings', 'Gemma-2B', 'the', 'of', 'Survey')},
  {weight: 2, arbitrary: token},
  {weight: 2, arbitrary: fc.string({unit: 'grapheme', maxLength: 8})},
  {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 4})}
)
const text = fc.array(word, {minLength: 0, maxLength: 8}).map((words) => words.join(' '))
const url = fc.constantFrom(
  'https://arxiv.org/abs/2402.02834', 'https://arxiv.org/pdf/2403.03853', 'https://github.com/x/y', 'http://example.org/', 'mailto:a@b.example',
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example', '', ' ', '../x', 'https://', 'https://[::1'
)
const number = fc.oneof(fc.nat({max: 12}).map(String), fc.constantFrom('', ' ', 'x', '-1', '99999999999999999999', '1.5'))
const link = fc.tuple(text, url).map(([label, href]) => `[${label}](${href})`)

const paper = fc
  .record({
    n: number,
    title: text,
    venue: text,
    links: fc.array(link, {maxLength: 3}),
    form: fc.constantFrom('seed', 'publication', 'one-line'),
    label: fc.option(text, {nil: undefined}),
    summary: fc.option(text, {nil: undefined})
  })
  .map(({n, title, venue, links, form, label, summary}) => {
    const meta = [venue, ...links].join(', ')
    let entry = form === 'one-line' ? `- [${n}] ${title} ${links.join(' ')}\n` : form === 'publication' ? `- [${n}] ${title}\n  - Publication: ${meta}\n` : `- [${n}] ${title}\n  ${meta}\n`
    if (label !== undefined) entry += `  - Label: ${label}\n`
    if (summary !== undefined) entry += `  - Summary: ${summary}\n`
    return entry
  })

const refCell = fc.oneof(
  fc.array(fc.nat({max: 12}), {maxLength: 4}).map((ns) => ns.map((n) => `[${n}]`).join(',')),
  fc.constantFrom('[2402.02834]', '[1], [x]', '2,3', '[1],', '', '[', '[]', '[1][2]', '[ 3 ]'),
  text
)
const table = (heading: string) =>
  fc.array(fc.tuple(text, refCell), {maxLength: 5}).map((rows) => `${heading}\n| Name | Paper |\n|------|-------|\n${rows.map(([name, refs]) => `| ${name} | ${refs} |`).join('\n')}\n`)

/** A README in the list's grammar, with hostile words in every slot. */
export const generatedReadme = fc
  .record({
    title: text,
    intro: text,
    sections: fc.array(fc.tuple(fc.constantFrom('###', '####'), text, fc.array(paper, {maxLength: 4})), {maxLength: 3}),
    methods: table('## Fine-tuning methods'),
    models: table('## Models'),
    datasets: table('## Datasets\n### For Evaluation'),
    tools: fc.array(link, {maxLength: 3}),
    prose: fc.array(fc.tuple(text, text), {maxLength: 2})
  })
  .map((r) =>
    [
      `# ${r.title}`,
      r.intro,
      '## Papers',
      ...r.sections.map(([depth, heading, papers]) => `${depth} ${heading}\n\n${papers.join('')}`),
      r.methods,
      r.models,
      r.datasets,
      '## Tools',
      r.tools.map((l) => `- ${l}`).join('\n'),
      ...r.prose.map(([heading, body]) => `## ${heading}\n\n${body}`)
    ].join('\n\n')
  )

type Mutation = (source: string) => string

/** Emphasis, strong, strikethrough, links or brackets nested up to `max` levels, as one line. */
function inlineNesting(max: number): fc.Arbitrary<string> {
  const pairs: Array<[string, string]> = [['*', '*'], ['_', '_'], ['**', '**'], ['~~', '~~'], ['[', '](https://x.example)'], ['[', ']'], ['*[', ']*']]
  return fc.tuple(fc.integer({min: 1, max}), fc.constantFrom(...pairs), fc.boolean()).map(([depth, [open, close], closed]) =>
    `${`${open}a `.repeat(depth)}x${closed ? ` b${close}`.repeat(depth) : ''}`
  )
}
const lines = (source: string) => source.split('\n')

/** One way a file gets damaged, chosen and placed by fast-check. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (s) => lines(s).filter((_, n, all) => n !== i % all.length).join('\n')),
  fc.nat().map((i): Mutation => (s) => lines(s).flatMap((line, n, all) => (n === i % all.length ? [line, line] : [line])).join('\n')),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Mutation => (s) => {
    const all = lines(s)
    const a = i % all.length
    const b = j % all.length
    ;[all[a], all[b]] = [all[b]!, all[a]!]
    return all.join('\n')
  }),
  fc.tuple(fc.nat(), fc.uint8Array({minLength: 1, maxLength: 16})).map(([i, bytes]): Mutation => (s) => {
    const at = i % (s.length + 1)
    return s.slice(0, at) + new TextDecoder().decode(bytes) + s.slice(at)
  }),
  fc.nat().map((i): Mutation => (s) => s.slice(0, i % (s.length + 1))),
  fc.constant<Mutation>((s) => s.replace(/\n/g, '\r\n')),
  fc.constant<Mutation>((s) => s.replace(/\n/g, '\r')),
  fc.constant<Mutation>((s) => `\uFEFF${s}`),
  fc.constant<Mutation>((s) => s.replace(/^ {2}/gm, '\t')),
  fc.nat().map((i): Mutation => (s) => {
    const at = i % (s.length + 1)
    return `${s.slice(0, at)}\u0000${s.slice(at)}`
  }),
  fc.tuple(fc.integer({min: 30, max: 5000}), fc.constantFrom('> ', '- ', '  ', '* ', '1. ', '>- '), fc.nat()).map(([depth, prefix, i]): Mutation => (s) => {
    const all = lines(s)
    all.splice(i % (all.length + 1), 0, `${prefix.repeat(depth)}deep`)
    return all.join('\n')
  }),
  fc.tuple(inlineNesting(5000), fc.nat()).map(([deep, i]): Mutation => (s) => {
    const all = lines(s)
    all.splice(i % (all.length + 1), 0, deep)
    return all.join('\n')
  })
)

/** What a 1 MB line is made of. remark reads most in 2–4 s; a line of `[` takes it about 18 s, so the quick sample leaves it out. */
export const bigLineUnits = {quick: ['a', '|', '*'], all: ['a', '|', '*', 'x ', '[']}

/** A generated README with up to four mutations. */
export const mutatedReadme = fc
  .tuple(generatedReadme, fc.array(mutation, {maxLength: 4}))
  .map(([source, mutations]) => mutations.reduce((current, mutate) => mutate(current), source))

/** A generated README with a 1 MB line put in at some line. */
export function readmeWithBigLine(units: string[]): fc.Arbitrary<string> {
  return fc.tuple(generatedReadme, fc.nat(), fc.constantFrom(...units)).map(([source, i, unit]) => {
    const all = lines(source)
    all.splice(i % (all.length + 1), 0, unit.repeat(Math.ceil(1_000_000 / unit.length)))
    return all.join('\n')
  })
}

export const anyReadme = fc.oneof({weight: 1, arbitrary: generatedReadme}, {weight: 3, arbitrary: mutatedReadme})

/**
 * The shapes that ran for minutes or took gigabytes (issue 9, finding 7), at a size fast-check picks from
 * small to past their limit: a cell full of `[1],`, closers that close nothing, growing backtick runs, link
 * definitions, footnotes, pipes, columns, deep nesting, and many look-alike model rows.
 */
export const slowShape: fc.Arbitrary<string> = fc.oneof(
  inlineNesting(5000),
  fc.integer({min: 1, max: 8000}).map((n) => `| Name | Paper |\n|---|---|\n| LLaMA-7B | ${'[1],'.repeat(n)} |`),
  fc.integer({min: 1, max: 30_000}).map((n) => '[ a_'.repeat(n)),
  fc.integer({min: 1, max: 300}).map((n) => Array.from({length: n}, (_, k) => ` a ${'`'.repeat(k + 1)}`).join('')),
  fc.integer({min: 1, max: 12_000}).map((n) => Array.from({length: n}, (_, k) => `[d${k}]: https://x.example/${k}`).join('\n')),
  fc.integer({min: 1, max: 1500}).map((n) => `${Array.from({length: n}, (_, k) => `x[^${k}]`).join(' ')}\n\n${Array.from({length: n}, (_, k) => `[^${k}]: n${k}`).join('\n')}`),
  fc.integer({min: 1, max: 200_000}).map((n) => `| a | b |\n|---|---|\n${'|'.repeat(n)}`),
  fc.integer({min: 1, max: 300}).map((n) => `${'| a '.repeat(n)}|\n${'|---'.repeat(n)}|\n${'| x '.repeat(n)}|`),
  fc.integer({min: 1, max: 3000}).map((n) => `## Models\n\n| Name | Paper |\n|---|---|\n${Array.from({length: n}, (_, k) => `| ${['LLaMA', 'Llama', 'LLaMa', 'Mistral'][k % 4]}-${k}B | [1] |`).join('\n')}`)
)

/** A generated README with one slow shape put in at some line, after a blank line so that it stands as its own block. */
export const slowReadme = fc.tuple(generatedReadme, slowShape, fc.nat()).map(([source, shape, i]) => {
  const all = lines(source)
  all.splice(i % (all.length + 1), 0, '', shape, '')
  return all.join('\n')
})

/** Asset names for rendering without vite: the pages only print them. */
export const fakeAssets = {css: 'assets/style.css', scripts: scriptSources}

/**
 * The property: analysing never throws; it ends with a graph that renders, or with a fatal diagnostic;
 * every diagnostic's position lies inside the file. Throws (with the reason) when it does not hold.
 */
export function checkReadme(source: string, options: {render?: boolean} = {}): {messages: number; pages: number} {
  const file = new VFile({path: 'README.md', value: source})
  const result = analyze(file)
  // Each line with its ending: a point may sit on the line ending (micromark puts a task item's text
  // there), which is still inside the file; past the ending it is not.
  const fileLines = source.match(/[^\r\n]*(\r\n|\r|\n|$)/g)!.slice(0, source.split(/\r\n|\r|\n/).length)
  for (const message of file.messages) {
    for (const point of [message.place && 'start' in message.place ? message.place.start : message.place, message.place && 'end' in message.place ? message.place.end : undefined]) {
      if (!point) continue
      const line = fileLines[point.line - 1]
      const offsetOutside = point.offset !== undefined && (point.offset < 0 || point.offset > source.length)
      if (line === undefined || point.column < 1 || point.column > line.length + 1 || offsetOutside) {
        throw new Error(`${message.ruleId} at ${point.line}:${point.column} lies outside the file (${fileLines.length} lines): ${message.reason.slice(0, 120)}`)
      }
    }
    if (message.line === undefined) throw new Error(`${message.ruleId} has no position: ${message.reason.slice(0, 120)}`)
  }
  formatMessages([file])
  if (!result) {
    if (!file.messages.some((message) => message.fatal)) throw new Error('no graph and no fatal diagnostic')
    return {messages: file.messages.length, pages: 0}
  }
  const graph = completed(result.graph)
  graphJson(graph)
  const pages = options.render === false ? 0 : renderSite(graph, {base: '/', siteUrl: undefined, sourceHref: undefined, assets: fakeAssets}).size
  return {messages: file.messages.length, pages}
}

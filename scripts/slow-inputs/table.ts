import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {projectRoot} from '../../src/util/project-root.ts'
import {limits} from '../../src/parse/limits.ts'
import {maxNesting, maxTreeDepth} from '../../src/parse/guard.ts'
import {maxCardChips} from '../../src/render/card.ts'
import {maxSiblings} from '../../src/render/pages/entities.ts'

/** Where `npm run slow-inputs` keeps its figures, beside the quality tests' own (from the project root, also when compiled into lib/). */
export const slowInputsFile = join(projectRoot, 'test-results', 'slow-inputs.json')
const qualityPage = join(projectRoot, 'docs', 'QUALITY.md')

export interface SlowRow {
  input: string
  what: string
  bytes: number
  /** `dev`: the time is that of a request made while the dev server rebuilds after the input was saved. */
  command: 'check' | 'build' | 'dev'
  seconds: number
  cpuSeconds: number
  peakRssMb: number
  result: string
  /** The machine's load average (1 min) when the run ended: the machine is shared. */
  load: number
}

export interface SlowInputsRun {
  at: string
  node: string
  /** Load average (1 min) before and after. */
  load: [number, number]
  rows: SlowRow[]
}

const start = '<!-- slow-inputs: written by npm run slow-inputs -->'
const end = '<!-- /slow-inputs -->'

const size = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} KB`)
const count = (n: number) => n.toLocaleString('en-US')

/** The section "Slow and large inputs" of docs/QUALITY.md, between its markers. */
export function slowInputsSection(run: SlowInputsRun): string {
  const within = run.rows.filter((row) => row.bytes <= 5 * 1024 * 1024 && row.command !== 'dev')
  const slowest = Math.max(...within.map((row) => row.seconds))
  const heaviest = Math.max(...run.rows.map((row) => row.peakRssMb))
  const lines = [
    start,
    '## Slow and large inputs',
    '',
    `The inputs that ran for minutes or took gigabytes (issue 9), at the size they were found and at 5 MB, and the bench's 10,000-paper lists. Each ran as \`npm run check\` (and \`npm run build\`; \`dev\` is a request to the dev server made while it rebuilds after the input was saved) in a child process under \`/usr/bin/time -v\` (\`scripts/slow-inputs.ts\`), at ${run.at.slice(0, 16).replace('T', ' ')} UTC, Node ${run.node}, on a shared 2-core machine (load is the 1-minute load average as the run ended: wall times include waiting for the other jobs, CPU times do not, and add up both threads of a parse). Reproduce: \`npm run slow-inputs\`.`,
    '',
    `Inputs of at most 5 MB: the slowest run took ${slowest.toFixed(1)} s${slowest <= 30 ? ' (the bound is 30 s)' : ', over the bound of 30 s'}. The most memory any run took: ${Math.round(heaviest)} MB${heaviest <= 1536 ? ' (the bound is 1.5 GB)' : ', over the bound of 1.5 GB'}. For \`dev\`, the time is that of the request.`,
    '',
    '| input | size | command | time | CPU | peak RSS | load | result |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |',
    ...run.rows.map((row) => `| ${row.input}: ${row.what} | ${size(row.bytes)} | ${row.command} | ${row.command === 'dev' ? `${Math.round(row.seconds * 1000)} ms` : `${row.seconds.toFixed(1)} s`} | ${row.cpuSeconds.toFixed(1)} s | ${Math.round(row.peakRssMb)} MB | ${row.load.toFixed(1)} | ${row.result.replace(/\|/g, '\\|')} |`),
    '',
    '### The limits',
    '',
    'Checked before the parser gets the text (`src/parse/limits.ts`); each is an error at its line, and nothing is built.',
    '',
    '| limit | value | rule |',
    '| --- | ---: | --- |',
    `| README size | ${count(limits.bytes / 1024 / 1024)} MB | \`input-too-large\` (read from the file's size, before it is read) |`,
    `| line | ${count(limits.lineLength)} characters | \`line-too-long\` |`,
    `| paragraph or heading | ${count(limits.paragraphLength)} characters | \`paragraph-too-long\` |`,
    `| table cell | ${count(limits.cellLength)} characters | \`cell-too-long\` |`,
    `| table row | ${count(limits.columns)} cells | \`too-many-columns\` |`,
    `| cells in all tables | ${count(limits.cells)} | \`too-many-columns\` |`,
    `| \`[\` in one cell or paragraph | ${count(limits.referencesPerCell)} | \`too-many-references\` |`,
    `| markup in the README: \`[\`, \`]\`, \`\\\`, \`&\`, \`<\`, runs of \`*\`, \`_\`, \`~\`, backticks | ${count(limits.markup)} | \`too-much-markup\` |`,
    `| entries (table rows and paper-like list items) | ${count(limits.entries)} | \`too-many-entries\` |`,
    `| link definitions | ${count(limits.definitions)} | \`too-many-definitions\` |`,
    `| footnote definitions | ${count(limits.footnotes)} | \`too-many-footnotes\` |`,
    `| footnote calls | ${count(limits.footnoteCalls)} | \`too-many-footnotes\` |`,
    `| inline nesting (emphasis, strikethrough, brackets) | ${count(limits.inlineNesting)} levels | \`nesting-too-deep\` |`,
    `| block nesting (lists, quotes, indentation) | ${maxNesting} levels | \`nesting-too-deep\` |`,
    `| \`*\`, \`_\`, \`~\`, \`]\` that close nothing, in one paragraph or cell | ${count(limits.unmatchedClosers)} | \`markup-unclosed\` |`,
    `| backtick runs that open no code span, in one paragraph or cell | ${count(limits.unclosedCode)} | \`markup-unclosed\` |`,
    '',
    `After parsing, a tree deeper than ${maxTreeDepth} levels is refused too (\`nesting-too-deep\`). On the site, a model page lists ${maxSiblings} other models of its family, and a paper card ${maxCardChips} chips of each kind, each with a link to the rest.`,
    end
  ]
  return lines.join('\n')
}

/** The section as docs/QUALITY.md has it now, for `npm run quality` to keep when there are no new figures. */
export function currentSlowInputsSection(): string | undefined {
  if (!existsSync(qualityPage)) return undefined
  const text = readFileSync(qualityPage, 'utf8')
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  return from === -1 || to === -1 ? undefined : text.slice(from, to + end.length)
}

/** Replaces the section in docs/QUALITY.md (or adds it at the end), leaving the rest of the page as it is. */
export function writeSlowInputsSection(run: SlowInputsRun): void {
  const text = existsSync(qualityPage) ? readFileSync(qualityPage, 'utf8') : '# Quality report\n'
  const section = slowInputsSection(run)
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  const next = from !== -1 && to !== -1 ? text.slice(0, from) + section + text.slice(to + end.length) : `${text.trimEnd()}\n\n${section}\n`
  writeFileSync(qualityPage, next)
}

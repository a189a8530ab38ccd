import {printable} from '../report/terminal.ts'
import {isSafeUrl} from '../util/url.ts'
import type {Finding, ListDiff, PaperRef} from './types.ts'
import * as words from './words.ts'

/**
 * The diff as markdown, for `$GITHUB_STEP_SUMMARY`: a heading with the counts, then a section with a table
 * for each kind of change, the most dangerous first. Every paper links to its arXiv page or paper link.
 * README text is written as character references, so a title cannot become markup, a mention or a link.
 */
export function formatMarkdown(diff: ListDiff): string {
  const out: string[] = []
  if (!diff.changed) {
    out.push(`## ${words.noChange(diff)}`, '', where(diff))
    return `${out.join('\n')}\n`
  }
  out.push(`## Changes to the list: ${words.headline(diff.counts)}`, '', where(diff))

  const {repointed, followed} = diff.references
  if (repointed.length > 0) {
    out.push('', `> ⚠️ **${words.plural(repointed.length, 'reference')} now ${repointed.length === 1 ? 'cites' : 'cite'} another paper while ${repointed.length === 1 ? 'its' : 'their'} text stayed the same**: the numbering moved under ${repointed.length === 1 ? 'it' : 'them'}. Nothing in the markdown diff shows this; check each one.`)
    section(out, 'References re-pointed by a renumbering', ['row', 'reference', 'cited before', 'cites now'], repointed.map((entry) => [
      words.row(entry, md),
      code(entry.text),
      `${md.paper(entry.before)} ${text(entry.beforeNow ? `(now [${entry.beforeNow.number ?? '–'}])` : '(removed)')}`,
      md.paper(entry.after)
    ]))
  }

  const {added, removed, changed} = diff.papers
  section(out, 'Papers', ['', 'paper', 'section', 'what changed'], [
    ...added.map((ref) => ['➕ added', md.paper(ref), md.text(ref.section), '']),
    ...removed.map((ref) => ['➖ removed', md.paper(ref), md.text(ref.section), '']),
    ...changed.map((entry) => ['✏️ changed', md.paper(entry.paper), md.text(entry.paper.section), entry.fields.map((change) => words.field(change, md)).join('<br>')])
  ])

  if (diff.renumberings.length > 0) {
    out.push('', '### Renumbered', '', ...diff.renumberings.map((run) => `- ${md.text(run.text)}`))
    if (followed > 0) out.push('', `${words.plural(followed, 'table reference')} ${followed === 1 ? 'was' : 'were'} rewritten to follow ${followed === 1 ? 'its paper' : 'their papers'}.`)
  }

  section(out, 'Citations', ['row', 'change'], [
    ...diff.citations.added.map((entry) => [words.row(entry, md), words.citation(entry, true, md)]),
    ...diff.citations.removed.map((entry) => [words.row(entry, md), words.citation(entry, false, md)])
  ])

  section(out, 'Names', ['', 'kind', 'name', 'papers', 'looks like'], [
    ...diff.names.added.map((entry) => [entry.lookAlike ? '⚠️ added' : '➕ added', entry.kind, code(entry.name), words.papersOf(entry, md), words.lookAlike(entry, md)]),
    ...diff.names.removed.map((entry) => ['➖ removed', entry.kind, code(entry.name), words.papersOf(entry, md), '']),
    ...diff.names.changed.map((entry) => ['✏️ link changed', entry.kind, code(entry.name), '', `${md.text(entry.before)} → ${md.text(entry.after)}`])
  ])

  const {introduced, fixed, unchanged} = diff.findings
  section(out, 'Findings', ['', 'severity', 'where', 'finding', 'rule'], [
    ...introduced.map((entry) => ['🆕 introduced', ...finding(entry, '')]),
    ...fixed.map((entry) => ['✅ fixed', ...finding(entry, ' (before)')])
  ])
  if (introduced.length + fixed.length > 0 || unchanged > 0) out.push('', `${words.plural(unchanged, 'finding')} ${unchanged === 1 ? 'was' : 'were'} already in the list and ${unchanged === 1 ? 'is' : 'are'} unchanged.`)
  return `${out.join('\n')}\n`
}

function where(diff: ListDiff): string {
  return `${code(diff.file)}: ${md.text(diff.base.label)} → ${md.text(diff.head.label)}`
}

/** Past this many rows a table is folded, so the next section stays in view. */
const foldAt = 20
/** Past this many rows the rest is counted: GitHub refuses a job summary over 1 MiB. */
const most = 200

function section(out: string[], title: string, head: string[], rows: string[][]): void {
  if (rows.length === 0) return
  const table = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.slice(0, most).map((cells) => `| ${cells.join(' | ')} |`)]
  if (rows.length > most) table.push('', `…and ${rows.length - most} more: \`npm run diff\` lists them all.`)
  out.push('', `### ${title}`, '', ...(rows.length > foldAt ? [`<details><summary>${rows.length} rows</summary>`, '', ...table, '', '</details>'] : table))
}

function finding(entry: Finding, when: string): string[] {
  return [entry.severity === 'error' ? '❌ error' : '⚠️ warning', `line ${entry.line ?? 1}${when}, ${md.text(entry.subject)}`, md.prose(entry.message), code(entry.rule)]
}

/**
 * README text with every character that could start markup written as a character reference: no emphasis,
 * link, HTML, table pipe, math, mention or autolink (`https:`, `www.`) can come of it. The others stay
 * readable: the cells never begin a line, so `-`, `+` and `1.` cannot start a list.
 */
function text(value: string): string {
  return printable(value)
    .replace(/[\\`*_[\]()<>&|~!#@:{}$]/g, (char) => `&#${char.charCodeAt(0)};`)
    .replace(/(w{3})\./gi, '$1&#46;')
}

/** A name in code style. An HTML element rather than backticks, so that no backtick in the name can close it. */
function code(value: string): string {
  return `<code>${text(value)}</code>`
}

/** `[3] [ShortGPT](https://arxiv.org/abs/2403.03853)`, or the short title alone when the paper has no safe link. */
function paper(ref: PaperRef): string {
  const number = ref.number === null ? '' : `${text(`[${ref.number}]`)} `
  const name = text(ref.short)
  return `${number}${ref.href && isSafeUrl(ref.href) ? `[${name}](${destination(ref.href)})` : name}`
}

/** A URL that stays one link destination: the characters that would end it or split a table cell are percent-encoded. */
function destination(href: string): string {
  return new URL(href).href.replace(/[()<>|\\\s"'`]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/** A rule's sentence: its backtick spans become code, the rest is text. */
function prose(value: string): string {
  return value.split('`').map((part, i) => (i % 2 === 1 ? code(part) : text(part))).join('')
}

const md: words.Writer = {text, code, prose, paper}

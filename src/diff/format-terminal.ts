import {styleText} from 'node:util'
import {printable} from '../report/terminal.ts'
import type {Finding, ListDiff, PaperRef} from './types.ts'
import * as words from './words.ts'

type Style = Parameters<typeof styleText>[0]

/**
 * The diff for a terminal: short and grouped, one line per change, the most dangerous first. Colored when
 * `color` is set (a TTY without NO_COLOR); README text is made printable, as in the check's report.
 */
export function formatTerminal(diff: ListDiff, {color = false}: {color?: boolean} = {}): string {
  // Whether to color is decided by the caller (a TTY, no NO_COLOR), not again by styleText.
  const paint = (style: Style, value: string) => (color ? styleText(style, value, {validateStream: false}) : value)
  const w: words.Writer = {
    text: printable,
    code: (value) => `\`${printable(value)}\``,
    prose: printable,
    paper: (ref: PaperRef) => `${ref.number === null ? '' : `[${ref.number}] `}${printable(ref.short)}`
  }
  const out: string[] = []
  const where = `${printable(diff.file)}: ${printable(diff.base.label)} → ${printable(diff.head.label)}`
  if (!diff.changed) return `${words.noChange(diff)}\n${paint('dim', where)}\n`
  out.push(paint('bold', words.headline(diff.counts)), paint('dim', where))
  const group = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push('', paint('bold', title), ...lines.map((line) => `  ${line}`))
  }

  group(
    'References re-pointed by a renumbering (their text did not change; check each):',
    diff.references.repointed.map((entry) => paint(['red', 'bold'], `! ${words.row(entry, w)}: ${words.repointed(entry, w)}`))
  )
  group('Papers:', [
    ...diff.papers.added.map((ref) => paint('green', `+ ${paperLine(ref)}`)),
    ...diff.papers.removed.map((ref) => paint('red', `- ${paperLine(ref)}`)),
    ...diff.papers.changed.flatMap((entry) => [paint('yellow', `~ ${paperLine(entry.paper)}`), ...entry.fields.map((change) => `    ${words.field(change, w)}`)])
  ])
  group('Renumbered:', [
    ...diff.renumberings.map((run) => run.text),
    ...(diff.references.followed > 0 ? [paint('dim', `(${words.plural(diff.references.followed, 'table reference')} rewritten to follow)`)] : [])
  ])
  group('Citations:', [
    ...diff.citations.added.map((entry) => paint('green', `+ ${words.row(entry, w)} ${words.citation(entry, true, w)}`)),
    ...diff.citations.removed.map((entry) => paint('red', `- ${words.row(entry, w)} ${words.citation(entry, false, w)}`))
  ])
  group('Names:', [
    ...diff.names.added.map((entry) => (entry.lookAlike ? paint('yellow', `+ ${entry.kind} ${w.code(entry.name)}: ${words.lookAlike(entry, w)}`) : paint('green', `+ ${entry.kind} ${w.code(entry.name)}`))),
    ...diff.names.removed.map((entry) => paint('red', `- ${entry.kind} ${w.code(entry.name)}`)),
    ...diff.names.changed.map((entry) => paint('yellow', `~ ${entry.kind} ${w.code(entry.name)}: ${printable(entry.before)} → ${printable(entry.after)}`))
  ])
  const {introduced, fixed, unchanged} = diff.findings
  group(`Findings (${unchanged} already there):`, [
    ...introduced.map((entry) => paint(entry.severity === 'error' ? 'red' : 'yellow', `+ ${findingLine(diff.file, entry)}`)),
    ...fixed.map((entry) => paint('green', `- ${findingLine(diff.file, entry)}  (fixed)`))
  ])
  return `${out.join('\n')}\n`

  function paperLine(ref: PaperRef): string {
    return `${w.paper(ref)}${ref.short === ref.title ? '' : ` (${printable(ref.title)})`}  ${paint('dim', `${printable(ref.section)}, line ${ref.line ?? '?'}`)}`
  }
}

function findingLine(file: string, entry: Finding): string {
  return printable(`${file}:${entry.line ?? 1}:${entry.column ?? 1}  ${entry.severity}  ${entry.message}  ${entry.rule}`)
}

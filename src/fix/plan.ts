import {PaperIndex} from '../graph/paper-index.ts'
import {resolveReference} from '../graph/resolve.ts'
import {citationFor} from '../history/references.ts'
import type {Analysis} from '../analyze.ts'
import type {Position, RawRef, RawRow, RawTable} from '../types.ts'
import type {Edit} from './edits.ts'

/**
 * Every fix the rules can make without guessing, as edits to the README's text:
 * - a stale or ambiguous number that the list's history resolved becomes the arXiv id of the paper it
 *   meant, or that paper's number where it has no id and no other paper carries the number;
 * - a stray trailing comma is deleted;
 * - rows of one table with the same name, written the same way, become one row with all their references.
 * Name look-alikes are never fixed: which spelling is right is a guess.
 *
 * A row with a stale number that cannot be rewritten is left whole: changed, it would no longer be the
 * text its commit wrote, and the history that resolves it would be lost.
 */
export function planFixes(text: string, {raw, graph, history}: Analysis): Edit[] {
  const index = new PaperIndex(graph.papers)
  const citation = (ref: RawRef): string | undefined => {
    const stale = history?.stale.get(ref)
    const paper = stale && graph.paper.get(stale.paper)
    return paper && citationFor(paper, index)
  }
  const keepsHistory = (row: RawRow) => row.refs.some((ref) => history?.stale.has(ref) && !citation(ref))
  // After the fix, does every reference of the row name one paper, without history?
  const clean = (row: RawRow) => row.refs.every((ref) => citation(ref) !== undefined || (ref.kind !== 'invalid' && !history?.stale.has(ref) && resolveReference(ref, index) !== undefined))
  const name = (row: RawRow) => `\`${row.name || 'this row'}\``

  const edits: Edit[] = []
  for (const table of raw.tables) {
    const merges = exactDuplicates(text, table, clean)
    const mergedAway = new Set([...merges.values()].flat())
    for (const row of table.rows) {
      if (mergedAway.has(row) || keepsHistory(row)) continue
      for (const ref of row.refs) {
        const written = citation(ref)
        if (written) edits.push(edit(ref.position, written, 'reference-stale', `${ref.text} → ${written} in ${name(row)}`))
      }
      if (row.trailingComma) edits.push(edit(row.trailingComma, '', 'trailing-comma', `deleted the stray comma after the last reference of ${name(row)}`))
      const later = merges.get(row)
      if (later) edits.push(...merge(text, row, later, citation, index))
    }
  }
  for (const paper of raw.papers) {
    for (const field of paper.fields) {
      if (field.trailingComma) edits.push(edit(field.trailingComma, '', 'trailing-comma', `deleted the stray comma at the end of the \`${field.key || 'venue'}\` line`))
    }
  }
  return edits
}

/** The first row of each set of rows that can be merged exactly, with the rows to merge into it. */
function exactDuplicates(text: string, table: RawTable, clean: (row: RawRow) => boolean): Map<RawRow, RawRow[]> {
  const groups = new Map<string, RawRow[]>()
  for (const row of table.rows) {
    const line = row.position?.start.line
    // One line, references that all resolve, and a name: what merging cannot get wrong.
    if (row.name === '' || line === undefined || line !== row.position?.end.line || row.refs.length === 0 || !clean(row)) continue
    // Same name as written, and the same in every other column.
    const key = `${row.name}\u0000${otherCells(text, row)}`
    const group = groups.get(key)
    if (group) group.push(row)
    else groups.set(key, [row])
  }
  return new Map([...groups.values()].filter((rows) => rows.length > 1).map(([first, ...later]) => [first!, later]))
}

/** The row's text without its name and paper cells, spacing aside: its other columns. */
function otherCells(text: string, row: RawRow): string {
  const cut = [row.namePosition, row.refsPosition].flatMap((p) => (p?.start.offset !== undefined && p.end.offset !== undefined ? [[p.start.offset, p.end.offset] as const] : [])).sort((a, b) => a[0] - b[0])
  let rest = ''
  let at = row.position!.start.offset!
  for (const [start, end] of cut) {
    rest += text.slice(at, Math.max(at, start))
    at = Math.max(at, end)
  }
  return (rest + text.slice(at, row.position!.end.offset!)).replace(/\s+/g, '')
}

/** The later rows' references appended to the first row (each paper once), and the later rows deleted. */
function merge(text: string, first: RawRow, later: RawRow[], citation: (ref: RawRef) => string | undefined, index: PaperIndex): Edit[] {
  const key = (ref: RawRef) => citation(ref) ?? resolveReference(ref, index)?.id ?? ref.text
  const seen = new Set(first.refs.map(key))
  const last = first.refs.at(-1)!
  const separator = between(text, first.refs) ?? later.map((row) => between(text, row.refs)).find((s) => s !== undefined) ?? ', '
  const added: string[] = []
  for (const ref of later.flatMap((row) => row.refs)) {
    if (seen.has(key(ref))) continue
    seen.add(key(ref))
    added.push(citation(ref) ?? ref.text)
  }
  const lines = later.map((row) => row.position!.start.line).join(', ')
  const edits: Edit[] = []
  if (added.length > 0) edits.push(edit(last.position, added.map((ref) => `${separator}${ref}`).join(''), 'row-duplicate-name', `added ${added.join(', ')} from line ${lines} to ${`\`${first.name}\``}`, 'after'))
  for (const row of later) {
    const start = text.lastIndexOf('\n', row.position!.start.offset! - 1) + 1
    const newline = text.indexOf('\n', row.position!.end.offset!)
    // The last line of a file without a final newline takes the newline before it instead.
    const [from, to] = newline === -1 ? [Math.max(0, start - 1), text.length] : [start, newline + 1]
    edits.push({start: from, end: to, text: '', line: row.position!.start.line, column: 1, ruleId: 'row-duplicate-name', what: `merged the second \`${row.name}\` row into line ${first.position!.start.line}`})
  }
  return edits
}

/** The text between a row's first two references (`,` or `, `), when it is only a comma and spaces. */
function between(text: string, refs: RawRef[]): string | undefined {
  const [a, b] = refs
  if (!a?.position || !b?.position) return undefined
  const gap = text.slice(a.position.end.offset, b.position.start.offset)
  return /^\s*,\s*$/.test(gap) ? gap : undefined
}

/** An edit that replaces `place` with `text`, or (`after`) inserts `text` right after it. */
function edit(place: Position | undefined, text: string, ruleId: string, what: string, where: 'over' | 'after' = 'over'): Edit {
  const start = place!.start.offset!
  const end = place!.end.offset!
  const at = where === 'after' ? place!.end : place!.start
  return {start: where === 'after' ? end : start, end, text, line: at.line, column: at.column, ruleId, what}
}

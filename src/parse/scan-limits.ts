import {limits} from './limits.ts'
import {count, InlineRun, type LimitViolation, type LinePlace} from './inline-run.ts'
import {LimitTotals} from './limit-totals.ts'
import {cells, definitionAt, isDelimiterRow, lineHas, lineShape, type LineShape} from './line-shape.ts'

export type {LimitViolation} from './inline-run.ts'

/**
 * Measures the README against `limits` in one pass over its lines, before the parser sees it: long lines,
 * tables with too many columns, cells and paragraphs too long or too full of `[`, too much markup, too many
 * entries, definitions and footnotes, inline nesting too deep. Returns every violation with its line; none
 * means the parser may go.
 *
 * It does not parse. It finds the runs of text the parser will read as one (a paragraph, a heading, a table
 * cell) by the few block starts that always end a paragraph: a blank line, a heading, a bullet, a deeper
 * block quote, a table row. Where it cannot be sure that a run ends, it lets the run go on, so a run here is
 * never shorter than the parser's: the limits can only be met early, never missed.
 */
export function scanLimits(source: string): LimitViolation[] {
  const found: LimitViolation[] = []
  const totals = new LimitTotals(found)
  let run: InlineRun | undefined
  /** How the current run opened: with an ordered list item, at what block-quote depth, as a footnote's text. */
  let opened: {ordered: boolean; quotes: number; footnote: boolean} = {ordered: false, quotes: 0, footnote: false}
  /** The line is one of a block of whole link definitions. */
  let inDefinitions = false
  /** The table the lines are rows of: its block-quote depth, and whether the next row is its delimiter row. */
  let table: {quotes: number; delimiter: boolean} | undefined
  /** The line before, when it could be a table's header row. */
  let header: {from: number; to: number; quotes: number; column: number} | undefined
  const endRun = () => {
    if (run) totals.run(run)
    run = undefined
  }

  let next = 0
  for (let start = source.charCodeAt(0) === 0xfeff ? 1 : 0, line = 1; start <= source.length; start = next, line++) {
    const end = lineEnd(source, start)
    // After LF, CR or CRLF.
    next = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1)
    const place: LinePlace = {line, lineStart: start}
    if (end - start > limits.lineLength) found.push(lineTooLong(line, end - start))

    const shape = lineShape(source, start, end)
    if (shape.blank) {
      endRun()
      inDefinitions = false
      table = undefined
      header = undefined
      continue
    }

    const definition = definitionAt(source, shape.content, end)
    if (definition) totals.definition(definition.kind, line, shape.content - start + 1)
    // A definition that opens a block, or follows another, ends the run. A whole link definition is no text
    // to measure; a footnote's text is, and starts a run of its own.
    const opensDefinition: boolean = definition !== undefined && (!run || inDefinitions || (opened.footnote && definition.kind === 'footnote'))
    inDefinitions = opensDefinition && definition?.kind === 'link' && definition.whole
    if (opensDefinition) {
      endRun()
      header = undefined
    }
    if (inDefinitions) {
      continue
    }

    const blockStart = opensDefinition || shape.heading || shape.bullet || (shape.ordered !== undefined && (shape.ordered === 1 || opened.ordered)) || shape.quotes > opened.quotes
    // A table ends at any block start; a line without a pipe, or that may open code, HTML or a break,
    // ends it here too (the parser may read it as a row: then the run here is only longer than its).
    if (table && (blockStart || shape.quotes !== table.quotes || shape.other || !lineHas(source, shape.content, end, 124))) table = undefined
    if (!table && header) table = tableUnder(header, source, shape, end, line, found)
    if (table) {
      endRun()
      if (!table.delimiter) totals.entry(line)
      table.delimiter = false
      tableRow(source, shape.content, end, place, found, totals)
      header = undefined
      continue
    }

    // A header row opens its block: after a blank line, a heading or a table, or as the block's own start.
    header = (!run || blockStart) && !shape.heading && !shape.bullet && shape.ordered === undefined ? {from: shape.content, to: end, quotes: shape.quotes, column: shape.content - start + 1} : undefined
    if (shape.bullet && shape.bracket) totals.entry(line)
    if (blockStart || !run) {
      endRun()
      run = new InlineRun('paragraph', line, shape.content - start + 1)
      opened = {ordered: shape.ordered !== undefined, quotes: shape.quotes, footnote: opensDefinition && definition?.kind === 'footnote'}
    }
    run.feed(source, shape.content, end, place)
    // A heading is one line: what follows starts a new run.
    if (shape.heading) {
      endRun()
      header = undefined
    }
  }
  endRun()
  return found
}

/** Where the line that starts at `start` ends: at its LF or CR, or the end of the text. */
function lineEnd(source: string, start: number): number {
  let end = start
  while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++
  return end
}

function lineTooLong(line: number, length: number): LimitViolation {
  return {
    ruleId: 'line-too-long',
    line,
    column: 1,
    reason: `This line is ${count(length)} characters long, more than the ${count(limits.lineLength)} the site reads in one line`,
    fix: 'break it into shorter lines, or delete what does not belong'
  }
}

/**
 * The table a delimiter row opens under the header row before it, if it has as many cells. The header was
 * measured as a paragraph (it was one until now), which counts it whole; its cells count here.
 */
function tableUnder(header: {from: number; to: number; quotes: number; column: number}, source: string, shape: LineShape, end: number, line: number, found: LimitViolation[]): {quotes: number; delimiter: boolean} | undefined {
  if (shape.indent > 3 || shape.quotes !== header.quotes || !isDelimiterRow(source, shape.content, end, limits.lineLength)) return undefined
  const head = cells(source, header.from, header.to).length
  if (head !== cells(source, shape.content, end).length) return undefined
  tooManyColumns(head, {line: line - 1, column: header.column}, found)
  return {quotes: shape.quotes, delimiter: true}
}

function tooManyColumns(cellCount: number, at: {line: number; column: number}, found: LimitViolation[]): boolean {
  if (cellCount <= limits.columns) return false
  found.push({
    ruleId: 'too-many-columns',
    ...at,
    reason: `This table row has ${count(cellCount)} cells, more than the ${count(limits.columns)} columns the site reads`,
    fix: 'remove the extra `|`, or split the table'
  })
  return true
}

/** One row of a table: its number of cells, and each cell as a run of its own. */
function tableRow(source: string, from: number, to: number, place: LinePlace, found: LimitViolation[], totals: LimitTotals): void {
  const row = cells(source, from, to)
  totals.cells(row.length, place.line)
  if (tooManyColumns(row.length, {line: place.line, column: from - place.lineStart + 1}, found)) return
  for (const [cellStart, cellEnd] of row) {
    const cell = new InlineRun('cell', place.line, cellStart - place.lineStart + 1)
    cell.feed(source, cellStart, cellEnd, place)
    totals.run(cell)
  }
}

import {limits} from './limits.ts'
import {count, InlineRun, type LimitViolation} from './inline-run.ts'

export type {LimitViolation} from './inline-run.ts'

/**
 * Measures the README against `limits` in one pass over its lines, before the parser sees it: long lines,
 * tables with too many columns, cells and paragraphs too long or too full of `[`, too many definitions and
 * footnotes, inline nesting too deep. Returns every violation with its line; none means the parser may go.
 *
 * It does not parse. It finds the runs of text the parser will read as one (a paragraph, a heading, a table
 * cell) by the few block starts that always end a paragraph: a blank line, a heading, a bullet, a deeper
 * block quote, a table row. Where it cannot be sure that a run ends, it lets the run go on, so a run here is
 * never shorter than the parser's: the limits can only be met early, never missed.
 */
export function scanLimits(source: string): LimitViolation[] {
  const found: LimitViolation[] = []
  let definitions = 0
  let footnotes = 0
  let markup = 0
  let footnoteCalls = 0
  let run: InlineRun | undefined
  /** The run that the current one continues: whether it opened with an ordered list item. */
  let runOrdered = false
  let runQuotes = 0
  /** The line is one of a block of link definitions. */
  let inDefinitions = false
  /** The run is a footnote's text: another footnote definition ends it. */
  let runFootnote = false
  /** The table the lines are rows of: its block-quote depth. */
  let table: {quotes: number; delimiter: boolean} | undefined
  /** The line before, when it could be a table's header row: where its content starts and ends. */
  let header: {from: number; to: number; quotes: number; column: number} | undefined

  /** Adds a finished run (a paragraph or a cell) to what was found, and its markup and footnote calls to the README's counts. */
  const finish = (done: InlineRun) => {
    found.push(...done.violations())
    const before = {markup, footnoteCalls}
    markup += done.markup
    footnoteCalls += done.footnoteCalls
    if (before.footnoteCalls <= limits.footnoteCalls && footnoteCalls > limits.footnoteCalls) {
      found.push({
        ruleId: 'too-many-footnotes',
        line: done.line,
        column: 1,
        reason: `The README has ${count(footnoteCalls)} footnote calls (\`[^…]\`) by this line, more than the ${count(limits.footnoteCalls)} the site reads in one list`,
        fix: 'fold notes together, or write them in the text'
      })
    }
    if (before.markup <= limits.markup && markup > limits.markup) {
      found.push({
        ruleId: 'too-much-markup',
        line: done.line,
        column: 1,
        reason: `The README has ${count(markup)} pieces of markup (\`[\`, \`]\`, \`\\\`, \`&\`, \`<\`, and runs of \`*\`, \`_\`, \`~\` or backticks) by this line, more than the ${count(limits.markup)} the site reads in one list`,
        fix: 'write less markup, or split the list into several READMEs'
      })
    }
  }
  let cellCount = 0
  /** A table row's cells, added to the README's count. */
  const countCells = (row: number, at: number) => {
    const before = cellCount
    cellCount += row
    if (before > limits.cells || cellCount <= limits.cells) return
    found.push({
      ruleId: 'too-many-columns',
      line: at,
      column: 1,
      reason: `The README's tables have ${count(cellCount)} cells by this row, more than the ${count(limits.cells)} the site reads in one list`,
      fix: 'remove columns the site does not read, or split the list into several READMEs'
    })
  }
  let entries = 0
  /** A table row or a paper-like list item: one more page for the site. */
  const entry = (at: number) => {
    if (++entries !== limits.entries + 1) return
    found.push({
      ruleId: 'too-many-entries',
      line: at,
      column: 1,
      reason: `This is entry ${count(entries)} (table rows and list items that open with \`[\`, as papers do), more than the ${count(limits.entries)} the site builds pages for`,
      fix: 'split the list into several READMEs'
    })
  }
  const endRun = () => {
    if (run) finish(run)
    run = undefined
  }

  let line = 0
  let start = source.charCodeAt(0) === 0xfeff ? 1 : 0
  while (start <= source.length) {
    line++
    let end = start
    while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++
    const next = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1)
    const place = {line, lineStart: start}

    if (end - start > limits.lineLength) {
      found.push({
        ruleId: 'line-too-long',
        line,
        column: 1,
        reason: `This line is ${count(end - start)} characters long, more than the ${count(limits.lineLength)} the site reads in one line`,
        fix: 'break it into shorter lines, or delete what does not belong'
      })
    }

    const shape = lineShape(source, start, end)
    if (shape.blank) {
      endRun()
      inDefinitions = false
      table = undefined
      header = undefined
      start = next
      continue
    }

    const definition = definitionAt(source, shape.content, end)
    // A definition that opens a block, or follows another, ends the run. A link definition is no inline
    // text; a footnote's text is, and starts a run of its own.
    let footnoteStart = false
    if (definition && (!run || inDefinitions || (runFootnote && definition === 'footnote'))) {
      endRun()
      inDefinitions = definition === 'link'
      footnoteStart = definition === 'footnote'
      header = undefined
    } else inDefinitions = false
    if (definition === 'link' && ++definitions === limits.definitions + 1) {
      found.push({
        ruleId: 'too-many-definitions',
        line,
        column: shape.content - start + 1,
        reason: `This is link definition ${count(definitions)}, more than the ${count(limits.definitions)} the site reads in one list`,
        fix: 'write the links inline: `[text](https://…)`'
      })
    }
    if (definition === 'footnote' && ++footnotes === limits.footnotes + 1) {
      found.push({
        ruleId: 'too-many-footnotes',
        line,
        column: shape.content - start + 1,
        reason: `This is footnote ${count(footnotes)}, more than the ${count(limits.footnotes)} the site reads in one list`,
        fix: 'fold notes together, or write them in the text'
      })
    }

    const blockStart = shape.heading || shape.bullet || (shape.ordered !== undefined && (shape.ordered === 1 || runOrdered)) || shape.quotes > runQuotes
    // A table ends at any block start; a line without a pipe, or that may open code, HTML or a break,
    // ends it here too (the parser may read it as a row: then the run here is only longer than its).
    if (table && (blockStart || shape.quotes !== table.quotes || shape.other || !lineHas(source, shape.content, end, 124))) table = undefined
    if (!table && header && shape.indent <= 3 && shape.quotes === header.quotes && isDelimiterRow(source, shape.content, end)) {
      // The line before is the header: a table starts there.
      const head = cells(source, header.from, header.to)
      if (head.length === cells(source, shape.content, end).length) {
        table = {quotes: shape.quotes, delimiter: true}
        // The header was read as a paragraph (it was one until now), which counts it whole; its cells count here.
        tooManyColumns(head.length, {line: line - 1, column: header.column}, found)
      }
    }
    if (inDefinitions) {
      start = next
      continue
    }
    if (table) {
      endRun()
      if (!table.delimiter) entry(place.line)
      table.delimiter = false
      countCells(tableRow(source, shape.content, end, place, found, finish), line)
      header = undefined
      start = next
      continue
    }
    // A header row must open its block: after a blank line or a heading, or as the block's own start.
    header = (!run || blockStart) && !shape.heading && !shape.bullet && shape.ordered === undefined ? {from: shape.content, to: end, quotes: shape.quotes, column: shape.content - start + 1} : undefined
    if (shape.bullet && shape.bracket) entry(line)
    if (blockStart || footnoteStart || !run) {
      endRun()
      run = new InlineRun('paragraph', line, shape.content - start + 1)
      runOrdered = shape.ordered !== undefined
      runQuotes = shape.quotes
      runFootnote = footnoteStart
    }
    run.feed(source, shape.content, end, place)
    // A heading is one line: what follows starts a new run.
    if (shape.heading) {
      endRun()
      header = undefined
    }
    start = next
  }
  endRun()
  return found
}

interface LineShape {
  blank: boolean
  /** Where the text starts after block-quote markers and indentation. */
  content: number
  indent: number
  quotes: number
  heading: boolean
  bullet: boolean
  /** The number of an ordered list item that opens the line. */
  ordered: number | undefined
  /** The line may open a code fence, an HTML block or a thematic break. */
  other: boolean
  /** A bullet whose text opens with `[`, as a paper entry's number does. */
  bracket: boolean
}

/** A line's block quotes, indentation and the block it may open, read from its start. */
function lineShape(source: string, start: number, end: number): LineShape {
  let i = start
  let quotes = 0
  let indent = 0
  for (;;) {
    indent = 0
    while (i < end && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) {
      indent += source.charCodeAt(i) === 9 ? 4 : 1
      i++
    }
    if (indent <= 3 && source.charCodeAt(i) === 62 /* > */ && i < end) {
      quotes++
      i++
      continue
    }
    break
  }
  const blank = i >= end
  const first = source.charCodeAt(i)
  const after = (at: number) => at >= end || source.charCodeAt(at) === 32 || source.charCodeAt(at) === 9
  let heading = false
  let bullet = false
  let bracket = false
  let ordered: number | undefined
  if (!blank && indent <= 3) {
    if (first === 35 /* # */) {
      let j = i
      while (j < end && source.charCodeAt(j) === 35) j++
      heading = j - i <= 6 && after(j)
    } else if ((first === 45 || first === 42 || first === 43) && after(i + 1)) {
      // Only a bullet with text on its line ends a paragraph.
      let j = i + 1
      while (j < end && (source.charCodeAt(j) === 32 || source.charCodeAt(j) === 9)) j++
      bullet = j < end
      bracket = source.charCodeAt(j) === 91
    } else if (first >= 48 && first <= 57) {
      let j = i
      while (j < end && j - i < 10 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++
      const mark = source.charCodeAt(j)
      if (j - i <= 9 && (mark === 46 || mark === 41) && after(j + 1) && /\S/.test(source.slice(j + 1, Math.min(end, j + 80)))) ordered = Number(source.slice(i, j))
    }
  }
  const other = !blank && indent <= 3 && (first === 96 || first === 126 || first === 60 || thematicBreak.test(source.slice(i, Math.min(end, i + 200))))
  return {blank, content: i, indent, quotes, heading, bullet, ordered, other, bracket}
}

const thematicBreak = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/

function lineHas(source: string, from: number, to: number, code: number): boolean {
  for (let i = from; i < to; i++) if (source.charCodeAt(i) === code) return true
  return false
}

const definitionStart = /^(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)*\[(\^?)(?:[^\[\]\\]|\\.){1,999}\]:/

/** Whether the line (after its list markers) opens a link definition or a footnote definition. */
function definitionAt(source: string, from: number, end: number): 'link' | 'footnote' | undefined {
  if (end - from < 4) return undefined
  const match = definitionStart.exec(source.slice(from, Math.min(end, from + 1100)))
  if (!match) return undefined
  return match[1] === '^' ? 'footnote' : 'link'
}

const delimiterRow = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

function isDelimiterRow(source: string, from: number, to: number): boolean {
  if (to - from > limits.lineLength) return false
  const text = source.slice(from, to)
  return text.includes('|') || text.includes('-') ? delimiterRow.test(text) : false
}

/** The cells of a table row: between unescaped pipes, without the pipe that opens or closes the row. */
function cells(source: string, from: number, to: number): Array<[number, number]> {
  const found: Array<[number, number]> = []
  let cellStart = from
  let i = from
  while (i < to && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++
  if (source.charCodeAt(i) === 124) cellStart = i + 1
  for (i = cellStart; i < to; i++) {
    const code = source.charCodeAt(i)
    if (code === 92) i++
    else if (code === 124) {
      found.push([cellStart, i])
      cellStart = i + 1
    }
  }
  if (/\S/.test(source.slice(cellStart, to))) found.push([cellStart, to])
  return found
}

function tooManyColumns(cells: number, at: {line: number; column: number}, found: LimitViolation[]): boolean {
  if (cells <= limits.columns) return false
  found.push({
    ruleId: 'too-many-columns',
    ...at,
    reason: `This table row has ${count(cells)} cells, more than the ${count(limits.columns)} columns the site reads`,
    fix: 'remove the extra `|`, or split the table'
  })
  return true
}

/** One row of a table: its number of cells, and each cell as a run of its own. Returns the number of cells. */
function tableRow(source: string, from: number, to: number, place: {line: number; lineStart: number}, found: LimitViolation[], finish: (cell: InlineRun) => void): number {
  const row = cells(source, from, to)
  if (tooManyColumns(row.length, {line: place.line, column: from - place.lineStart + 1}, found)) return row.length
  for (const [cellStart, cellEnd] of row) {
    const cell = new InlineRun('cell', place.line, cellStart - place.lineStart + 1)
    cell.feed(source, cellStart, cellEnd, place)
    finish(cell)
  }
  return row.length
}

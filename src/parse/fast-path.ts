import type {Blockquote, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow} from 'mdast'
import type {Point} from 'unist'

// The tree of a piece written in the plainest markdown, built without micromark. A list written one
// paper per bullet (`- [1] Title` then `  Venue, [Paper](url)`) is most of a large README, and remark
// takes about 0.6 ms per kilobyte of it, as long as the rest of the build. Only a piece made entirely
// of what this reads is taken: blank lines, `#` headings, one-line `> ` quotes, `- ` lists of one tight
// paragraph per item, and `| a | b |` tables, whose text holds nothing but plain characters, `[label]`,
// `[label](url)`, and what other lists write their entries with: `[[Paper]](url)`, `[[Paper](url)]`, tags
// without attributes (`<br>`, `<ins>`) and `**strong**` in its plainest form. Anything else
// (a character that may open a construct, a tab, a reference definition, a line of any other shape)
// returns undefined, and the piece goes to remark. The tree equals remark's, positions included:
// test/fast-path.test.ts compares the two on every piece of generated READMEs in every form.

/** Characters that may open or change a construct in text (or that this reader does not place): plain text never holds them. */
const special = new Set([...'\\`*_~&<>|@^!\r\t'].map((char) => char.charCodeAt(0)))
/** Characters a link destination read here never holds: they would end it, quote a title, or be decoded. */
const notInUrl = new Set([...' <>()\\&"\'\t\r'].map((char) => char.charCodeAt(0)))
const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122)

/** A line of the piece: its text and the offset it starts at. */
interface Line {
  text: string
  start: number
  number: number
}

/** The piece's tree, or undefined when the piece holds anything but the plain forms above. */
export function parseFast(text: string): Root | undefined {
  if (text.length === 0 || text.includes(']:') || /[\u0000-\u0008\u000b-\u001f\ud800-\udfff]/.test(text)) return undefined
  const lines: Line[] = []
  let start = 0
  for (const [index, line] of text.split('\n').entries()) {
    if (line.endsWith(' ')) return undefined
    lines.push({text: line, start, number: index + 1})
    start += line.length + 1
  }
  const children: RootContent[] = []
  for (let index = 0; index < lines.length; ) {
    const line = lines[index]!
    if (line.text === '') index++
    else if (line.text.startsWith('#')) {
      const heading = readHeading(line)
      if (!heading) return undefined
      children.push(heading)
      index++
    } else if (line.text.startsWith('> ')) {
      const quote = readQuote(lines, index)
      if (!quote) return undefined
      children.push(quote)
      index++
    } else if (line.text.startsWith('|')) {
      const table = readTable(lines, index)
      if (!table) return undefined
      children.push(table.node)
      index = table.next
    } else if (line.text.startsWith('- ')) {
      // Items after a blank line continue the list above and make it loose: left to remark.
      if (children[children.length - 1]?.type === 'list') return undefined
      const list = readList(lines, index)
      if (!list) return undefined
      children.push(list.node)
      index = list.next
    } else return undefined
  }
  const last = lines[lines.length - 1]!
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end: point(last, last.text.length)}}
}

function point(line: Line, column: number): Point {
  return {line: line.number, column: column + 1, offset: line.start + column}
}

/** `# Title` to `###### Title`, with no closing `#`s. */
function readHeading(line: Line): Heading | undefined {
  if (!isHeading(line.text)) return undefined
  const depth = line.text.indexOf(' ')
  const children = readInline([{line, from: depth + 1, to: line.text.length}])
  if (!children) return undefined
  return {type: 'heading', depth: depth as Heading['depth'], children, position: {start: point(line, 0), end: point(line, line.text.length)}}
}

/** A quote of one line, `> Text`, as a section's intro is written; followed by a blank line or the end of the piece, so nothing continues it. */
function readQuote(lines: Line[], index: number): Blockquote | undefined {
  const line = lines[index]!
  const next = lines[index + 1]
  if (!isLetter(line.text.charCodeAt(2)) || (next !== undefined && next.text !== '')) return undefined
  const children = readInline([{line, from: 2, to: line.text.length}])
  if (!children) return undefined
  const end = point(line, line.text.length)
  const paragraph: Paragraph = {type: 'paragraph', children, position: {start: point(line, 2), end}}
  return {type: 'blockquote', children: [paragraph], position: {start: point(line, 0), end}}
}

/**
 * A tight list at column 1: items `- ` whose text opens with a letter or `[` (not a task's `[ ]` or
 * `[x]`), each continued by lines indented two spaces that open with a letter, then perhaps a tight list
 * of its own, `  - Key: value`, one line per item (the key-value and sub-bullet forms). It must be followed
 * by a blank line or the end of the piece, so that nothing can continue it lazily.
 */
function readList(lines: Line[], first: number): {node: List; next: number} | undefined {
  const items: ListItem[] = []
  let index = first
  while (index < lines.length && lines[index]!.text.startsWith('- ')) {
    const line = lines[index]!
    if (!opensItem(line.text, 2)) return undefined
    const runs = [{line, from: 2, to: line.text.length}]
    for (index++; index < lines.length && /^ {2}[A-Za-z]/.test(lines[index]!.text); index++) runs.push({line: lines[index]!, from: 2, to: lines[index]!.text.length})
    const children = readInline(runs)
    if (!children) return undefined
    const last = runs[runs.length - 1]!.line
    const paragraph: Paragraph = {type: 'paragraph', children, position: {start: point(line, 2), end: point(last, last.text.length)}}
    const nested = readNested(lines, index)
    if (nested === false) return undefined
    const end = nested ? nested.node.position!.end : paragraph.position!.end
    items.push({type: 'listItem', spread: false, checked: null, children: nested ? [paragraph, nested.node] : [paragraph], position: {start: point(line, 0), end}})
    if (nested) index = nested.next
  }
  // A blank line, the end of the piece, or a heading (which a list item's paragraph cannot take in) ends it.
  if (index < lines.length && lines[index]!.text !== '' && !isHeading(lines[index]!.text)) return undefined
  const position = {start: items[0]!.position!.start, end: items[items.length - 1]!.position!.end}
  return {node: {type: 'list', ordered: false, start: null, spread: false, children: items, position}, next: index}
}

/** A line that `readHeading` reads. */
const isHeading = (text: string) => /^#{1,6} (?=[^ ])/.test(text) && !text.endsWith('#')

/** Does the item's text, from `column`, open with a letter, a `[` that is not a task's `[ ]` or `[x]`, or `**` and a letter or digit? */
function opensItem(text: string, column: number): boolean {
  const opening = text.charCodeAt(column)
  if (opening === 42) return text.charCodeAt(column + 1) === 42 && isWordCharacter(text.charCodeAt(column + 2))
  return isLetter(opening) || (opening === 91 && !/^\[[ xX]\]/.test(text.slice(column)))
}

/**
 * An item's own list, `  - Key: value`, one line per item. Undefined when there is none; false when what
 * follows it could continue it (any line but the next item, a blank line or the end): that is left to remark.
 */
function readNested(lines: Line[], first: number): {node: List; next: number} | undefined | false {
  const items: ListItem[] = []
  let index = first
  for (; index < lines.length && lines[index]!.text.startsWith('  - '); index++) {
    const line = lines[index]!
    if (!opensItem(line.text, 4)) return false
    const children = readInline([{line, from: 4, to: line.text.length}])
    if (!children) return false
    const end = point(line, line.text.length)
    const paragraph: Paragraph = {type: 'paragraph', children, position: {start: point(line, 4), end}}
    items.push({type: 'listItem', spread: false, checked: null, children: [paragraph], position: {start: point(line, 2), end}})
  }
  if (items.length === 0) return undefined
  if (index < lines.length && lines[index]!.text !== '' && !lines[index]!.text.startsWith('- ') && !isHeading(lines[index]!.text)) return false
  const position = {start: items[0]!.position!.start, end: items[items.length - 1]!.position!.end}
  return {node: {type: 'list', ordered: false, start: null, spread: false, children: items, position}, next: index}
}

/** A run of a paragraph, heading or cell: the part of `line` from column `from` to column `to`. */
interface Run {
  line: Line
  from: number
  to: number
}

/**
 * Text and links, across the runs (joined by line endings, as one text node runs on over them).
 * Undefined when a run holds a construct this does not read.
 */
function readInline(runs: Run[]): PhrasingContent[] | undefined {
  const nodes: PhrasingContent[] = []
  let text: {value: string; start: Point; end: Point} | undefined
  const addText = (value: string, line: Line, from: number, to: number) => {
    if (value !== '\n' && !plain(value)) return false
    if (text) {
      text.value += value
      text.end = point(line, to)
    } else text = {value, start: point(line, from), end: point(line, to)}
    return true
  }
  const flush = () => {
    if (text) nodes.push({type: 'text', value: text.value, position: {start: text.start, end: text.end}})
    text = undefined
  }
  for (const [index, {line, from, to}] of runs.entries()) {
    if (index > 0) {
      // The line ending joins the text; it ends where the next line starts, before the indentation remark strips.
      const previous = runs[index - 1]!.line
      addText('\n', previous, previous.text.length, previous.text.length)
      text!.end = point(line, 0)
    }
    let at = from
    while (at < to) {
      const open = nextConstruct(line.text, at, to)
      const stop = open < 0 ? to : open
      // A bare `https://…` (GFM's literal autolink), where the text before it ends.
      const url = stop > at ? bareUrl(line.text, at, stop) : undefined
      if (url === false) return undefined
      const textEnd = url ? url.start : stop
      if (textEnd > at && !addText(line.text.slice(at, textEnd), line, at, textEnd)) return undefined
      if (url) {
        flush()
        nodes.push(url.link(line))
        at = url.end
        continue
      }
      if (open < 0) break
      const code = line.text.charCodeAt(open)
      if (code !== 91) {
        // A tag without attributes (`<br>`, `<ins>`, `</ins>`: remark's inline HTML), or `**strong**`; any other `<` or `*` is left to remark.
        const node = code === 60 ? readTag(line, open, to) : readStrong(line, open, from, to)
        if (!node) return undefined
        flush()
        nodes.push(node)
        at = node.position!.end.column - 1
        continue
      }
      const bracket = readBracket(line, open, to)
      if (!bracket) return undefined
      if (bracket.link) {
        // `[[Paper](url)]`: the brackets around the link stay text, joined to the text on either side.
        if (bracket.wrapped && !addText('[', line, open, open + 1)) return undefined
        flush()
        nodes.push(bracket.link)
        if (bracket.wrapped && !addText(']', line, bracket.end - 1, bracket.end)) return undefined
      } else if (!addText(line.text.slice(open, bracket.end), line, open, bracket.end)) return undefined
      at = bracket.end
    }
  }
  flush()
  return nodes
}

/**
 * The first `http://` or `https://` in `text` from `from` to `to`, read as GFM reads a literal autolink, when it
 * is the plainest kind: after a space, a host of letters and digits (`-` inside a name) with a dot, a path of those and `/._-`,
 * ending in a letter, digit or `/` at a space or the end of the run. Undefined when there is none; false when
 * there is one of any other shape (trailing punctuation, parentheses, a query): that is left to remark.
 */
function bareUrl(text: string, from: number, to: number): {start: number; end: number; link: (line: Line) => PhrasingContent} | undefined | false {
  const start = text.slice(from, to).search(/https?:\/\//)
  if (start === -1) return undefined
  const at = from + start
  let end = text.indexOf(' ', at)
  if (end === -1 || end > to) end = to
  const url = text.slice(at, end)
  if (text.charCodeAt(at - 1) !== 32 || !/^https?:\/\/[A-Za-z0-9]+(-[A-Za-z0-9]+)*(\.[A-Za-z0-9]+(-[A-Za-z0-9]+)*)+(\/[A-Za-z0-9/._-]*)?$/.test(url) || !/[A-Za-z0-9/]$/.test(url) || (end === to && to < text.length)) return false
  return {
    start: at,
    end,
    link: (line) => {
      const position = {start: point(line, at), end: point(line, end)}
      return {type: 'link', title: null, url, children: [{type: 'text', value: url, position}], position: {start: point(line, at), end: point(line, end)}}
    }
  }
}

/** What may open a construct that `readInline` reads: a bracket, a tag, strong emphasis. */
const openers = ['[', '<', '*']

/** Where the next of `openers` is in `text` from `from` (before `to`), or -1. */
function nextConstruct(text: string, from: number, to: number): number {
  let found = -1
  for (const char of openers) {
    const at = text.indexOf(char, from)
    if (at >= 0 && at < to && (found < 0 || at < found)) found = at
  }
  return found
}

/** `<tag>`, `<tag/>` or `</tag>` at `open`: inline HTML, a node of its own. */
function readTag(line: Line, open: number, to: number): PhrasingContent | undefined {
  const tag = /^<(?:[A-Za-z][A-Za-z0-9-]*\/?|\/[A-Za-z][A-Za-z0-9-]*)>/.exec(line.text.slice(open, to))?.[0]
  if (!tag) return undefined
  return {type: 'html', value: tag, position: {start: point(line, open), end: point(line, open + tag.length)}}
}

const isWordCharacter = (code: number) => isLetter(code) || (code >= 48 && code <= 57)

/**
 * `**text**` at `open`, in its plainest form: after the run's start or a space, around plain text that opens
 * and closes with a letter or digit, and followed by a space or the run's end; there it is strong whatever
 * else the line holds.
 */
function readStrong(line: Line, open: number, from: number, to: number): PhrasingContent | undefined {
  const text = line.text
  if ((open > from && text.charCodeAt(open - 1) !== 32) || text.charCodeAt(open + 1) !== 42 || !isWordCharacter(text.charCodeAt(open + 2))) return undefined
  const close = text.indexOf('**', open + 2)
  if (close < 0 || close + 2 > to || !isWordCharacter(text.charCodeAt(close - 1)) || (close + 2 < to && text.charCodeAt(close + 2) !== 32)) return undefined
  const inner = text.slice(open + 2, close)
  if (!plain(inner) || inner.includes('[') || /https?:/i.test(inner)) return undefined
  const child: PhrasingContent = {type: 'text', value: inner, position: {start: point(line, open + 2), end: point(line, close)}}
  return {type: 'strong', children: [child], position: {start: point(line, open), end: point(line, close + 2)}}
}

/** Text with nothing in it that could start a construct, an autolink among them. */
function plain(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (special.has(value.charCodeAt(i))) return false
  return !/www\.|:\/\//i.test(value)
}

/**
 * `[label](url)` as a link, or `[label]` alone as the text it stays when nothing defines it. Undefined for a
 * nested or unclosed bracket, a `[label][…]` reference, or a destination with a title, spaces or escapes.
 */
function readBracket(line: Line, open: number, to: number): {end: number; link?: PhrasingContent; wrapped?: boolean} | undefined {
  if (line.text.charCodeAt(open + 1) === 91) return readBracketedLabel(line, open, to) ?? readWrappedLink(line, open, to)
  const close = line.text.indexOf(']', open + 1)
  if (close < 0 || close >= to) return undefined
  const label = line.text.slice(open + 1, close)
  if (label === '' || label.includes('[') || !plain(label)) return undefined
  const after = line.text.charCodeAt(close + 1)
  if (after === 91) return undefined
  if (after !== 40) return {end: close + 1}
  return linkTo(line, open, close, to)
}

/**
 * `[[Paper]](url)`, as lists write their links: a link whose text is `[Paper]`, brackets and all (nothing
 * defines `Paper`: a piece that mentions a definition is parsed by remark). Undefined for any other label
 * that opens with `[`.
 */
function readBracketedLabel(line: Line, open: number, to: number): {end: number; link: PhrasingContent} | undefined {
  const inner = line.text.indexOf(']', open + 2)
  if (inner < 0 || inner + 1 >= to || line.text.charCodeAt(inner + 1) !== 93) return undefined
  const word = line.text.slice(open + 2, inner)
  if (word === '' || word.includes('[') || !plain(word)) return undefined
  return linkTo(line, open, inner + 1, to)
}

/**
 * `[[Paper](url)]`, as other lists write their links: a link inside brackets that stay text (a link cannot be
 * inside another, and nothing defines the outer label). Only when what follows the `]` cannot make it a link.
 */
function readWrappedLink(line: Line, open: number, to: number): {end: number; link: PhrasingContent; wrapped: true} | undefined {
  const inner = readBracket(line, open + 1, to)
  if (!inner?.link || inner.wrapped || line.text.charCodeAt(inner.end) !== 93 || inner.end + 1 > to) return undefined
  const after = line.text.charCodeAt(inner.end + 1)
  if (after === 40 || after === 91) return undefined
  return {end: inner.end + 1, link: inner.link, wrapped: true}
}

/**
 * The link from `[` at `open`, its text the label up to `]` at `close`, when `(url)` follows that `]` within the
 * run: a destination not empty, and with nothing in it that would end it, quote a title or be decoded.
 */
function linkTo(line: Line, open: number, close: number, to: number): {end: number; link: PhrasingContent} | undefined {
  if (close + 1 >= to || line.text.charCodeAt(close + 1) !== 40) return undefined
  const end = line.text.indexOf(')', close + 2)
  if (end < 0 || end >= to) return undefined
  const url = line.text.slice(close + 2, end)
  if (url === '') return undefined
  for (let i = 0; i < url.length; i++) if (notInUrl.has(url.charCodeAt(i)) || url.charCodeAt(i) < 32) return undefined
  const child: PhrasingContent = {type: 'text', value: line.text.slice(open + 1, close), position: {start: point(line, open + 1), end: point(line, close)}}
  return {end: end + 1, link: {type: 'link', title: null, url, children: [child], position: {start: point(line, open), end: point(line, end + 1)}}}
}

/**
 * A table whose every row opens and closes with `|` and has as many cells as the head, followed by a
 * blank line or the end of the piece (any other line would become a row).
 */
function readTable(lines: Line[], first: number): {node: Table; next: number} | undefined {
  const head = tableRow(lines[first]!)
  const delimiter = lines[first + 1] && cellRanges(lines[first + 1]!.text)
  if (!head || !delimiter || delimiter.length !== head.children.length) return undefined
  const align: Table['align'] = []
  for (const [from, to] of delimiter) {
    const cell = /^ *(:?)-+(:?) *$/.exec(lines[first + 1]!.text.slice(from, to))
    if (!cell) return undefined
    align.push(cell[1] ? (cell[2] ? 'center' : 'left') : cell[2] ? 'right' : null)
  }
  const rows = [head]
  let index = first + 2
  for (; index < lines.length && lines[index]!.text !== ''; index++) {
    const row = tableRow(lines[index]!)
    if (!row || row.children.length !== head.children.length) return undefined
    rows.push(row)
  }
  // A table of a head alone ends with its delimiter row.
  const last = lines[index - 1]!
  const position = {start: head.position!.start, end: point(last, last.text.length)}
  return {node: {type: 'table', align, children: rows, position}, next: index}
}

/** `| a | b |`: each cell runs from its `|` to the next, the last one to the end of the line. */
function tableRow(line: Line): TableRow | undefined {
  const ranges = cellRanges(line.text)
  if (!ranges) return undefined
  const cells: TableCell[] = []
  for (const [index, [from, to]] of ranges.entries()) {
    let start = from
    let end = to
    while (start < end && line.text.charCodeAt(start) === 32) start++
    while (end > start && line.text.charCodeAt(end - 1) === 32) end--
    const children = start === end ? [] : readInline([{line, from: start, to: end}])
    if (!children) return undefined
    const cellEnd = index === ranges.length - 1 ? line.text.length : to
    cells.push({type: 'tableCell', children, position: {start: point(line, from - 1), end: point(line, cellEnd)}})
  }
  return {type: 'tableRow', children: cells, position: {start: point(line, 0), end: point(line, line.text.length)}}
}

/** The columns between a row's pipes (each range after its `|`), or undefined unless the row opens and closes with one. */
function cellRanges(text: string): Array<[number, number]> | undefined {
  if (text.length < 2 || !text.startsWith('|') || !text.endsWith('|')) return undefined
  const ranges: Array<[number, number]> = []
  for (let from = 1; from < text.length; ) {
    const to = text.indexOf('|', from)
    ranges.push([from, to])
    from = to + 1
  }
  return ranges
}

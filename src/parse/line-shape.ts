/**
 * What one line of the README looks like from its start, without parsing: its block quotes and indentation,
 * and the block it may open. `scanLimits` reads the README's runs of text from these.
 */
export interface LineShape {
  blank: boolean
  /** Where the text starts after block-quote markers and indentation. */
  content: number
  indent: number
  quotes: number
  heading: boolean
  /** A bullet with text on its line: only such a bullet ends a paragraph. */
  bullet: boolean
  /** A bullet whose text opens with `[`, as a paper entry's number does. */
  bracket: boolean
  /** The number of an ordered list item that opens the line. */
  ordered: number | undefined
  /** The line may open a code fence, an HTML block or a thematic break. */
  other: boolean
}

const thematicBreak = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/

const isSpace = (code: number) => code === 32 || code === 9

/** A line's block quotes, indentation and the block it may open, read from its start. */
export function lineShape(source: string, start: number, end: number): LineShape {
  let i = start
  let quotes = 0
  let indent = 0
  for (;;) {
    indent = 0
    while (i < end && isSpace(source.charCodeAt(i))) {
      indent += source.charCodeAt(i) === 9 ? 4 : 1
      i++
    }
    if (indent > 3 || i >= end || source.charCodeAt(i) !== 62 /* > */) break
    quotes++
    i++
  }
  const blank = i >= end
  const first = source.charCodeAt(i)
  const spaceAt = (at: number) => at >= end || isSpace(source.charCodeAt(at))
  const shape: LineShape = {blank, content: i, indent, quotes, heading: false, bullet: false, bracket: false, ordered: undefined, other: false}
  if (blank || indent > 3) return shape
  if (first === 35 /* # */) {
    let j = i
    while (j < end && source.charCodeAt(j) === 35) j++
    shape.heading = j - i <= 6 && spaceAt(j)
  } else if ((first === 45 || first === 42 || first === 43) && spaceAt(i + 1)) {
    let j = i + 1
    while (j < end && isSpace(source.charCodeAt(j))) j++
    shape.bullet = j < end
    shape.bracket = source.charCodeAt(j) === 91
  } else if (first >= 48 && first <= 57) {
    let j = i
    while (j < end && j - i < 10 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++
    const mark = source.charCodeAt(j)
    if (j - i <= 9 && (mark === 46 || mark === 41) && spaceAt(j + 1) && /\S/.test(source.slice(j + 1, Math.min(end, j + 80)))) shape.ordered = Number(source.slice(i, j))
  }
  shape.other = first === 96 || first === 126 || first === 60 || thematicBreak.test(source.slice(i, Math.min(end, i + 200)))
  return shape
}

export function lineHas(source: string, from: number, to: number, code: number): boolean {
  for (let i = from; i < to; i++) if (source.charCodeAt(i) === code) return true
  return false
}

const listMarkers = /^(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)*/
const label = /^\[(\^?)(?:[^\[\]\\]|\\.){1,999}\]:/

export interface DefinitionStart {
  kind: 'link' | 'footnote'
  /**
   * The line is a whole link definition: a destination, and maybe a title that closes on the line, and nothing
   * else. Only then is it no text to measure. Anything else (text after the destination, parentheses that do
   * not balance, a title or destination on the next line) may make the parser read a paragraph, so it is
   * measured as one.
   */
  whole: boolean
}

/** Whether the line (after its list markers) opens a link definition or a footnote definition: `[id]:`, `[^id]:`. */
export function definitionAt(source: string, from: number, end: number): DefinitionStart | undefined {
  if (end - from < 4) return undefined
  const text = source.slice(from, Math.min(end, from + 1100 + 64))
  const markers = listMarkers.exec(text)![0].length
  const match = label.exec(text.slice(markers))
  if (!match) return undefined
  if (match[1] === '^') return {kind: 'footnote', whole: false}
  return {kind: 'link', whole: isDestinationAndTitle(source.slice(from + markers + match[0].length, end))}
}

/** ` <dest> "title"`, ` dest 'title'`, ` dest (title)` or ` dest`, and nothing after. */
function isDestinationAndTitle(text: string): boolean {
  let i = 0
  while (isSpace(text.charCodeAt(i))) i++
  if (i >= text.length) return false
  if (text.charCodeAt(i) === 60 /* < */) {
    i++
    while (i < text.length && text.charCodeAt(i) !== 62) {
      const code = text.charCodeAt(i)
      if (code === 60) return false
      i += code === 92 ? 2 : 1
    }
    if (i >= text.length) return false
    i++
  } else {
    let depth = 0
    const start = i
    while (i < text.length && !isSpace(text.charCodeAt(i))) {
      const code = text.charCodeAt(i)
      if (code < 32 || code === 127) return false
      if (code === 92) i++
      else if (code === 40) depth++
      else if (code === 41 && --depth < 0) return false
      i++
    }
    if (depth !== 0 || i === start) return false
  }
  const afterDestination = i
  while (isSpace(text.charCodeAt(i))) i++
  if (i >= text.length) return true
  if (i === afterDestination) return false
  const open = text.charCodeAt(i)
  const close = open === 34 ? 34 : open === 39 ? 39 : open === 40 ? 41 : -1
  if (close === -1) return false
  i++
  while (i < text.length && text.charCodeAt(i) !== close) {
    if (open === 40 && text.charCodeAt(i) === 40) return false
    i += text.charCodeAt(i) === 92 ? 2 : 1
  }
  if (i >= text.length) return false
  i++
  while (isSpace(text.charCodeAt(i))) i++
  return i >= text.length
}

const delimiterRow = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

export function isDelimiterRow(source: string, from: number, to: number, maxLength: number): boolean {
  if (to - from > maxLength) return false
  const text = source.slice(from, to)
  return text.includes('|') || text.includes('-') ? delimiterRow.test(text) : false
}

/** The cells of a table row: between unescaped pipes, without the pipe that opens or closes the row. */
export function cells(source: string, from: number, to: number): Array<[number, number]> {
  const found: Array<[number, number]> = []
  let cellStart = from
  let i = from
  while (i < to && isSpace(source.charCodeAt(i))) i++
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

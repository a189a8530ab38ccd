/**
 * remark recurses once per level of nesting and overflows its stack on very deep input
 * (remarkjs/remark#1010). No real list nests anywhere near this deep, so deeper input is refused
 * with a message instead of being handed to the parser.
 */
export const maxNesting = 64

export interface TooDeep {
  line: number
  column: number
  depth: number
}

/** The first line whose block prefixes (`>`, list markers, indentation) nest deeper than `maxNesting`. */
export function findTooDeep(source: string): TooDeep | undefined {
  let line = 1
  let start = 0
  while (start <= source.length) {
    let end = source.indexOf('\n', start)
    if (end === -1) end = source.length
    const depth = nesting(source, start, end)
    if (depth > maxNesting) return {line, column: 1, depth}
    start = end + 1
    line++
  }
  return undefined
}

/** Counts `>` markers, list markers and each 2 columns of indentation at the start of one line. */
function nesting(source: string, start: number, end: number): number {
  let depth = 0
  let indent = 0
  let i = start
  while (i < end) {
    const char = source.charCodeAt(i)
    if (char === 32) indent++
    else if (char === 9) indent += 4
    else if (char === 62 /* > */) depth++
    else if ((char === 45 || char === 42 || char === 43) && source.charCodeAt(i + 1) === 32) {
      depth++
      i++
    } else break
    i++
  }
  return depth + Math.floor(indent / 2)
}

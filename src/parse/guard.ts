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

/**
 * The first line whose block prefixes (`>`, list markers, indentation) nest deeper than `maxNesting`.
 * Lines end at LF, CRLF or a lone CR, as they do for the parser.
 */
export function findTooDeep(source: string): TooDeep | undefined {
  let line = 1
  // A byte order mark is not part of the first line's text: behind it, `>- >- …` still nests.
  let start = source.charCodeAt(0) === 0xfeff ? 1 : 0
  const ending = /\r\n|\r|\n/g
  while (start <= source.length) {
    ending.lastIndex = start
    const found = ending.exec(source)
    const end = found ? found.index : source.length
    const depth = nesting(source, start, end)
    if (depth > maxNesting) return {line, column: 1, depth}
    start = found ? end + found[0].length : source.length + 1
    line++
  }
  return undefined
}

/** Counts `>` markers, bullet and ordered list markers (`1. `, `2) `) and each 2 columns of indentation at the start of one line. */
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
    } else if (char >= 48 && char <= 57) {
      let j = i
      while (j < end && j - i < 10 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++
      const mark = source.charCodeAt(j)
      if ((mark !== 46 && mark !== 41) || source.charCodeAt(j + 1) !== 32) break
      depth++
      i = j + 1
    } else break
    i++
  }
  return depth + Math.floor(indent / 2)
}

/**
 * How deep the parsed tree may go. Inline nesting (`*a *b *c …`, `[[[…`) is not bounded by `maxNesting`,
 * and the tools after the parser (mdast-util-to-hast, hast-util-to-html) recurse once per level: about
 * 2,000 nested emphases overflow their stack. Real lists stay far below this.
 *
 * The order that keeps every walker safe: `scanLimits` refuses inline nesting over `limits.inlineNesting`
 * before the parser runs (the parser is slow on deep nesting, not only the walkers); what runs between
 * the parser and `findDeepNode` (the split parse's copy and its definition scan) is iterative; and every
 * recursive walker after it (references, positions, extract, rules, the prose renderer) only ever sees a
 * tree this check has passed, so each says so where it recurses.
 */
export const maxTreeDepth = 256

interface Positioned {
  position?: {start: {line: number; column: number}} | undefined
  children?: Positioned[]
}

/**
 * The first node (in document order) deeper than `maxTreeDepth`, found without recursion. It runs on every
 * save of the dev server, over every node: three stacks of plain values, so that it allocates nothing per node.
 */
export function findDeepNode(tree: Positioned): TooDeep | undefined {
  const nodes: Positioned[] = [tree]
  const depths: number[] = [0]
  // The nearest node at or above each one that has a position: a diagnostic points there.
  const placed: Array<Positioned | undefined> = [undefined]
  while (nodes.length > 0) {
    const node = nodes.pop()!
    const depth = depths.pop()!
    const at = node.position ? node : placed.pop()
    if (node.position) placed.pop()
    if (depth > maxTreeDepth) return at?.position && {line: at.position.start.line, column: at.position.start.column, depth}
    const children = node.children
    if (!children) continue
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]!)
      depths.push(depth + 1)
      placed.push(at)
    }
  }
  return undefined
}

/**
 * Where a README can be cut so that each piece parses, on its own, into exactly the blocks the
 * whole file gives. A cut goes before a line at column 1 that opens an ATX heading (`# x`) or a
 * non-empty bullet item (`- x`): both close every open container (block quote, list item,
 * footnote) because neither can be a lazy continuation line, and both interrupt a paragraph or a
 * table. It also goes before a line at column 1 after a blank line (see `opensAfterBlank`). The only blocks that can swallow such a line are a fenced code block or an HTML block
 * sitting directly in the document, so the scan tracks those.
 *
 * Whether a fence or HTML opener is at the top level can depend on list indentation the scan does
 * not model. It does not guess: it keeps every state the line could leave (a set of them), and
 * cuts only where all states agree that no code or HTML block is open. Guessing wrong can only
 * cost a cut, never correctness.
 */

/** A block that swallows column-1 lines until its end condition. */
type Open =
  | {kind: 'fence'; marker: string; size: number}
  | {kind: 'html'; end: RegExp | 'blank'}

/** `none` is the state in which nothing that could swallow a heading is open. */
type State = Open | 'none'

const heading = /^#{1,6}(?:[ \t]|$)/
const bullet = /^[-*+][ \t]+\S/
const thematicBreak = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const fenceOpen = /^( {0,3})(`{3,}|~{3,})(.*)$/
/** HTML block starts 1–5 (CommonMark 4.6), each with the text that ends it. */
const htmlStarts: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![a-z]/i, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/]
]
/** Anything else that opens with `<` may be an HTML block of kind 6 or 7, which ends at a blank line. */
const htmlOther = /^ {0,3}</

/** Offsets of the line starts where the source may be cut, always starting with 0. */
export function safeBoundaries(source: string): number[] {
  const cuts = [0]
  let states: State[] = ['none']
  let start = 0
  let afterBlank = false
  while (start < source.length) {
    let end = start
    while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++
    // A byte order mark is not part of the first line's text.
    const line = source.slice(start === 0 && source.charCodeAt(0) === 0xfeff ? 1 : start, end)
    if (start > 0 && states.length === 1 && states[0] === 'none' && (opensTopLevelBlock(line) || (afterBlank && opensAfterBlank(line)))) cuts.push(start)
    afterBlank = /^[ \t]*$/.test(line)
    states = step(states, line)
    // \r\n counts as one line ending, as do a lone \r and a lone \n.
    start = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1)
  }
  return cuts
}

function opensTopLevelBlock(line: string): boolean {
  return heading.test(line) || (bullet.test(line) && !thematicBreak.test(line))
}

/**
 * After a blank line, a line at column 1 opens a block at the top level too: the blank line closed any
 * paragraph, table or block quote, and a list item or footnote goes on only with indented lines. A document
 * of paragraphs alone can then be cut, so that its parse is no longer one piece the size of the file (5 MB of
 * links in paragraphs took 3 GB in one). A list marker is left out: an ordered item may continue the list
 * above, and `-`, `*`, `+` either cut already or may continue a list as an empty item.
 */
function opensAfterBlank(line: string): boolean {
  return /^[^\s\d\-*+]/.test(line)
}

/** Every state the line can lead to, from every state it may start in. */
function step(states: State[], line: string): State[] {
  const next: State[] = []
  for (const state of states) for (const after of advance(state, line)) add(next, after)
  return next
}

function advance(state: State, line: string): State[] {
  if (state === 'none') return opened(line)
  if (state.kind === 'fence') {
    const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)
    return close && close[1]!.charAt(0) === state.marker && close[1]!.length >= state.size ? ['none'] : [state]
  }
  // Only spaces and tabs make a line blank (not other Unicode white space).
  if (state.end === 'blank') return /^[ \t]*$/.test(line) ? ['none'] : [state]
  return state.end.test(line) ? ['none'] : [state]
}

/** From the `none` state: does this line open a block that could swallow later lines? */
function opened(line: string): State[] {
  const fence = fenceOpen.exec(line)
  if (fence) {
    const marker = fence[2]!
    // A backtick fence's info string may not contain a backtick.
    if (marker.charAt(0) === '`' && fence[3]!.includes('`')) return ['none']
    const open: State = {kind: 'fence', marker: marker.charAt(0), size: marker.length}
    // At column 1 it is certainly a top-level fence; indented, it may sit inside a list item.
    return fence[1] === '' ? [open] : [open, 'none']
  }
  for (const [startPattern, end] of htmlStarts) {
    if (startPattern.test(line)) {
      if (end.test(line.slice(line.indexOf('<') + 1))) return ['none']
      return line.startsWith('<') ? [{kind: 'html', end}] : [{kind: 'html', end}, 'none']
    }
  }
  // Kinds 6 and 7 end at a blank line; whether one opened depends on context, so keep both.
  if (htmlOther.test(line)) return [{kind: 'html', end: 'blank'}, 'none']
  return ['none']
}

function add(states: State[], state: State): void {
  for (const known of states) {
    if (known === state) return
    if (known !== 'none' && state !== 'none' && known.kind === state.kind) {
      if (known.kind === 'fence' && state.kind === 'fence' && known.marker === state.marker && known.size === state.size) return
      if (known.kind === 'html' && state.kind === 'html' && String(known.end) === String(state.end)) return
    }
  }
  states.push(state)
}

/**
 * Characters that no output of the site may carry: C0 controls but TAB, LF and CR; DEL and the C1
 * controls; the noncharacters (U+FDD0–U+FDEF and the last two code points of every plane); and
 * surrogates without their other half. HTML calls each a parse error, XML 1.0 forbids most of them,
 * and in a terminal an ESC starts a command. TAB, LF and CR are white space wherever they appear.
 */
const unwanted = new RegExp(
  [
    '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\ufdd0-\\ufdef]',
    // U+FFFE and U+FFFF of each of the 17 planes.
    ...Array.from({length: 17}, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}|\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`),
    // Surrogates that do not pair up (a valid pair is one code point, and never matches here).
    '[\\ud800-\\udfff]'
  ].join('|'),
  'gu'
)

const plainAscii = /^[\t\n\r\u0020-\u007e]*$/

/** The text without the characters above: they are dropped, once, where text comes into the graph. */
export function cleanText(text: string): string {
  // Printable ASCII, TAB, LF and CR, which most text is, holds none of them: a plain class is much
  // quicker to test than `unwanted`, a Unicode pattern with 18 alternatives, on every text of a save.
  if (plainAscii.test(text)) return text
  unwanted.lastIndex = 0
  return unwanted.test(text) ? text.replace(unwanted, '') : text
}

/**
 * Whether a tree parsed from `source` may hold such characters: only when the source does, or has a numeric
 * character reference (`&#1;` is U+0001 once parsed). Named references and backslash escapes make none. A
 * README with neither (most) needs no cleaning: the walk over every string of its tree cost 3 to 4 ms a save
 * at 1,000 papers.
 */
export function mayHoldUnwanted(source: string): boolean {
  if (source.includes('&#')) return true
  if (plainAscii.test(source)) return false
  unwanted.lastIndex = 0
  return unwanted.test(source)
}

/** Where the text holds such characters: each one's offset and code point. */
export function unwantedIn(text: string): Array<{offset: number; code: number}> {
  return Array.from(text.matchAll(unwanted), (match) => ({offset: match.index, code: match[0].codePointAt(0)!}))
}

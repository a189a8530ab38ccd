import {VFile} from 'vfile'
import {parseSplit} from '../parse/split.ts'
import {PieceCache} from '../parse/cache.ts'
import {splitPieces} from '../parse/pieces.ts'
import {mayDefine} from '../parse/definitions.ts'
import {findDeepNode, findTooDeep} from '../parse/guard.ts'
import {resolveReferences} from '../parse/references.ts'
import {inheritPositions} from '../parse/positions.ts'
import {extract} from '../extract/index.ts'
import type {RawPaper} from '../types.ts'

/**
 * Reads an old version of the README with the build's own parser and extractor, for the papers that
 * carried one of `numbers` then. Its messages are dropped: an old version's mistakes are history.
 * Undefined when that version cannot be read (nested deeper than the parser supports).
 */
export function papersOfVersion(text: string, numbers: ReadonlySet<number>, cache: PieceCache = new PieceCache()): RawPaper[] | undefined {
  if (numbers.size === 0 || findTooDeep(text)) return undefined
  const reduced = onlyWhatNumbers(text, numbers)
  // On the main thread: a worker's start-up costs more than it saves on a cut-down version.
  const tree = parseSplit(reduced, {cache})
  if (findDeepNode(tree)) return undefined
  return extract(inheritPositions(resolveReferences(tree)), new VFile({value: reduced})).papers.filter((paper) => paper.number !== undefined && numbers.has(paper.number))
}

/**
 * The version cut down to what says which paper carried which of `numbers`: the list items that mention
 * one of them, the headings (they make the sections those items sit in), and link definitions. The cuts are
 * the split parse's safe boundaries (before every column-1 heading and bullet item), so each entry is a
 * piece of its own and parses as it did in the whole file. A piece the cut could misread (a fenced code
 * block, a setext heading or a thematic break) is kept whole. A list of 1,000 papers then parses in a
 * fraction of the time, without its tables.
 */
function onlyWhatNumbers(text: string, numbers: ReadonlySet<number>): string {
  const entry = new RegExp(`^[ \\t]*(?:[-*+]|\\d{1,9}[.)])[ \\t].*\\[\\s*0*(?:${[...numbers].join('|')})\\s*\\\\?\\]`, 'm')
  return splitPieces(text, {min: 1, max: 1})
    .map(({text: piece}) => {
      if (entry.test(piece) || mayDefine(piece) || wholeOnly.test(piece)) return piece
      // Elsewhere only the headings matter.
      return (piece.match(atxHeading) ?? []).map((line) => `${line}\n`).join('')
    })
    .join('')
}

const atxHeading = /^ {0,3}#{1,6}(?:[ \t].*)?$/gm
/** A fence, a setext underline or a thematic break: lines that change what the lines around them are. */
const wholeOnly = /^ {0,3}(?:`{3,}|~{3,}|=+[ \t]*$|[-*_](?:[ \t]*[-*_]){2,}[ \t]*$|-+[ \t]*$)/m

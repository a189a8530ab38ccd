import {VFile} from 'vfile'
import {parseSplitParallel} from '../parse/split.ts'
import {PieceCache} from '../parse/cache.ts'
import {findDeepNode, findTooDeep} from '../parse/guard.ts'
import {resolveReferences} from '../parse/references.ts'
import {inheritPositions} from '../parse/positions.ts'
import {extract} from '../extract/index.ts'
import type {RawPaper} from '../types.ts'

/**
 * Reads an old version of the README with the build's own parser and extractor, for its papers alone:
 * which entry carried which number then. Its messages are dropped: an old version's mistakes are history.
 * Undefined when that version cannot be read (nested deeper than the parser supports).
 */
export async function papersOfVersion(text: string, cache: PieceCache = new PieceCache()): Promise<RawPaper[] | undefined> {
  if (findTooDeep(text)) return undefined
  const tree = await parseSplitParallel(text, {cache})
  if (findDeepNode(tree)) return undefined
  return extract(inheritPositions(resolveReferences(tree)), new VFile({value: text})).papers
}

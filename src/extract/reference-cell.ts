import type {Locator} from './place.ts'
import type {RawRef} from '../types.ts'
import {citedArxivId} from '../util/arxiv.ts'

const arxivIdPattern = new RegExp(`^(?:${citedArxivId.source})$`)

export interface ReferenceCell {
  refs: RawRef[]
  /** Where a comma ends the cell with nothing after it (`[1],[3],`). */
  trailingComma: RawRef['position']
}

/**
 * Reads a table cell that cites papers: `[2],[3],[4]`, `[1],[3],`, `[1], [2]`, `[2402.02834]`.
 * It works on the cell's source text, so every reference keeps its exact column,
 * and anything that is not a bracketed reference becomes an `invalid` token for the rules to report.
 */
export function readReferenceCell(at: Locator, start: number, end: number): ReferenceCell {
  const text = at.source.slice(start, end)
  const refs: RawRef[] = []
  let trailingComma: RawRef['position']
  let i = 0
  // Cells carry their pipes; skip the opening one and stop before the closing one.
  let stop = text.length
  while (stop > 0 && /[\s|]/.test(text.charAt(stop - 1))) stop--
  if (text.charAt(i) === '|') i++
  let expectItem = true
  let lastComma = -1
  while (i < stop) {
    const char = text.charAt(i)
    if (/\s/.test(char)) {
      i++
      continue
    }
    if (char === ',') {
      if (expectItem) {
        refs.push(token('invalid', ',', i, i + 1))
      }
      lastComma = i
      expectItem = true
      i++
      continue
    }
    let j: number
    if (char === '[') {
      const close = text.indexOf(']', i)
      const next = text.indexOf('[', i + 1)
      j = close === -1 || (next !== -1 && next < close) ? endOfJunk(text, i + 1, stop) : close + 1
    } else {
      j = endOfJunk(text, i, stop)
    }
    const raw = text.slice(i, j)
    const inner = /^\[\s*(.*?)\s*\]$/.exec(raw)?.[1]
    const kind: RawRef['kind'] =
      inner === undefined || expectItem === false
        ? 'invalid'
        : /^\d+$/.test(inner)
          ? 'number'
          : arxivIdPattern.test(inner)
            ? 'arxiv'
            : 'invalid'
    refs.push(token(kind, raw, i, j))
    expectItem = false
    i = j
  }
  if (expectItem && lastComma !== -1 && refs.some((ref) => ref.kind !== 'invalid')) {
    trailingComma = at.span(start + lastComma, start + lastComma + 1)
  }
  return {refs, trailingComma}

  function token(kind: RawRef['kind'], raw: string, from: number, to: number): RawRef {
    return {kind, text: raw, position: at.span(start + from, start + to)}
  }
}

function endOfJunk(text: string, from: number, stop: number): number {
  let j = from
  while (j < stop && text.charAt(j) !== ',' && text.charAt(j) !== '[') j++
  while (j > from && /\s/.test(text.charAt(j - 1))) j--
  // Never past the cell: a lone `[` at the very end of the file must keep a position inside it.
  return Math.min(stop, Math.max(j, from + 1))
}

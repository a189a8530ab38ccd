import type {VFile} from 'vfile'
import {partAt} from './inputs.ts'
import type {Position} from '../types.ts'

export interface Locator {
  /** The README's text. */
  source: string
  /** The position of `source.slice(start, end)`. */
  span(start: number, end: number): Position | undefined
}

/**
 * Turns offsets into line/column positions, so diagnostics can point inside a node.
 * The same points as vfile-location's `toPoint`, found by binary search over the line ends: a
 * list of 10,000 papers asks for a hundred thousand of them, and a scan from line 1 each time
 * made that quadratic.
 */
export function locator(file: VFile): Locator {
  const source = String(file.value)
  // A list read from several files counts lines in each file (see inputs.ts).
  const parts = file.data.parts
  let ends: number[] | undefined
  const toPoint = (offset: number) => {
    if (offset < 0 || offset > source.length) return undefined
    ends ??= lineEnds(source)
    let low = 0
    let high = ends.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (ends[middle]! > offset) high = middle
      else low = middle + 1
    }
    const shift = parts ? (partAt(parts, offset)?.line ?? 1) - 1 : 0
    return {line: low + 1 - shift, column: offset - (low > 0 ? ends[low - 1]! : 0) + 1, offset}
  }
  return {
    source,
    span(start, end) {
      const a = toPoint(start)
      const b = toPoint(end)
      return a && b ? {start: a, end: b} : undefined
    }
  }
}

/** For each line, the offset just past its line ending (\r\n, \r or \n); the last line ends past the text. */
function lineEnds(source: string): number[] {
  const ends: number[] = []
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i)
    if (code === 13 && source.charCodeAt(i + 1) === 10) i++
    if (code === 10 || code === 13) ends.push(i + 1)
  }
  ends.push(source.length + 1)
  return ends
}

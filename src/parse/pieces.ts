import {safeBoundaries} from './boundaries.ts'

/** A run of the README that parses on its own into the same blocks the whole file gives. */
export interface Piece {
  /** Offset of the piece's first character in the README. */
  offset: number
  /** Line of the piece's first character, 1-based. */
  line: number
  text: string
}

export interface Granularity {
  /** Pieces smaller than this are joined to the next one: each parse has a fixed cost. */
  min: number
  /** No piece grows past this unless it cannot be cut. */
  max: number
}

/** Measured on 1,000-paper lists: pieces of one to eight kilobytes parse fastest. */
export const defaultGranularity: Granularity = {min: 1024, max: 8192}

/**
 * Cuts the README at safe boundaries into pieces of a few kilobytes. Where a piece ends depends
 * on the text at the cut (a content-defined cut, as rsync and restic chunk files), not on the
 * offset, so inserting a paper changes one piece and the cache still holds every other.
 */
export function splitPieces(source: string, {min, max}: Granularity = defaultGranularity): Piece[] {
  const cuts = safeBoundaries(source)
  const pieces: Piece[] = []
  let start = 0
  let line = 1
  for (let index = 1; index <= cuts.length; index++) {
    const at = index < cuts.length ? cuts[index]! : source.length
    const size = at - start
    if (index < cuts.length && (size < min || (size < max && !marksEnd(source, at)))) continue
    const text = source.slice(start, at)
    pieces.push({offset: start, line, text})
    line += lineEndings(text)
    start = at
  }
  return pieces
}

/**
 * A cut ends a piece when a cheap hash of the line it opens falls in one bucket of four. Every digit
 * hashes alike, so renumbered entries (`- [3] …` where it was `- [2] …`) are cut where they were, and
 * their pieces differ only in digits (renumbered.ts).
 */
function marksEnd(source: string, at: number): boolean {
  let hash = 2166136261
  for (let i = at; i < source.length && i < at + 64; i++) {
    const code = source.charCodeAt(i)
    if (code === 10 || code === 13) break
    hash = Math.imul(hash ^ (code >= 48 && code <= 57 ? 48 : code), 16777619)
  }
  return (hash >>> 0) % 4 === 0
}

/** Line endings as micromark counts them: \r\n, \r and \n each end one line. */
export function lineEndings(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 10) count++
    else if (code === 13) {
      count++
      if (text.charCodeAt(i + 1) === 10) i++
    }
  }
  return count
}

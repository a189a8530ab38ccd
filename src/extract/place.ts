import {location} from 'vfile-location'
import type {VFile} from 'vfile'
import type {Position} from '../types.ts'

export interface Locator {
  /** The README's text. */
  source: string
  /** The position of `source.slice(start, end)`. */
  span(start: number, end: number): Position | undefined
}

/** Turns offsets into line/column positions, so diagnostics can point inside a node. */
export function locator(file: VFile): Locator {
  const source = String(file.value)
  const place = location(file)
  return {
    source,
    span(start, end) {
      const a = place.toPoint(start)
      const b = place.toPoint(end)
      return a && b ? {start: a, end: b} : undefined
    }
  }
}

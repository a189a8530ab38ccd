import type {ListItem} from 'mdast'
import {originalOf} from '../parse/merge.ts'
import type {Locator} from './place.ts'
import type {ItemAdapter} from './adapters/adapter.ts'
import type {Id, RawPaper} from '../types.ts'

/**
 * Paper entries read on earlier saves, for a process that reads the same README again and again (the dev
 * server). A list item the split parse placed from a cached piece (merge.ts: `originalOf`) is the same
 * text, parsed the same way, as when it was first read: only its line and offset have moved. So its reading
 * is kept, in the piece's own coordinates, and given back moved to where the item is now. A save then reads
 * only the entries in the pieces it changed, instead of a thousand.
 *
 * Nothing else goes into a reading: an adapter reads the item, its section's id and the README's text at
 * the item's place, which is the piece's text. A reading that points outside its item (a search that ran
 * past it) is not kept, since the text it found may move on its own. An item with a reference resolved
 * below it is a new node (references.ts copies it), so it has no original and is read again, as is every
 * item of a list read from several files (their lines are counted per file).
 */
export class EntryMemo {
  readonly #read = new WeakMap<object, Map<string, {paper: RawPaper | undefined}>>()
  /** Entries given back from the memo, and entries read. */
  hits = 0
  misses = 0

  read(adapter: ItemAdapter, item: ListItem, section: Id, at: Locator, multiFile: boolean): RawPaper | undefined {
    const original = multiFile ? undefined : originalOf(item)
    const start = item.position?.start
    const from = original?.position?.start
    if (!original || !start || !from || start.offset === undefined || from.offset === undefined) return adapter.read(item, section, at)
    const shift = {lines: start.line - from.line, offset: start.offset - from.offset}
    const key = `${adapter.name}\0${section}`
    let readings = this.#read.get(original)
    const known = readings?.get(key)
    if (known) {
      this.hits++
      return known.paper && moved(known.paper, shift.lines, shift.offset)
    }
    this.misses++
    const paper = adapter.read(item, section, at)
    // A reading that points outside its item depends on text the item does not hold: it is not kept.
    const end = item.position?.end.offset
    if (paper && (end === undefined || !pointsWithin(paper, start.offset, end))) return paper
    if (!readings) this.#read.set(original, (readings = new Map()))
    readings.set(key, {paper: paper && moved(paper, -shift.lines, -shift.offset)})
    return paper
  }
}

/** Whether every point in a reading has an offset from `from` to `to`. */
function pointsWithin(value: unknown, from: number, to: number): boolean {
  if (value === null || typeof value !== 'object') return true
  if (Array.isArray(value)) return value.every((entry) => pointsWithin(entry, from, to))
  const object = value as Record<string, unknown>
  if (typeof object['line'] === 'number' && typeof object['column'] === 'number') {
    const offset = object['offset']
    return typeof offset === 'number' && offset >= from && offset <= to
  }
  return Object.values(object).every((entry) => pointsWithin(entry, from, to))
}

/** A copy of a reading, every point in it moved by `lines` and `offset` (columns stay: pieces start at a line's start). */
function moved<T>(value: T, lines: number, offset: number): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((entry) => moved(entry, lines, offset)) as T
  const object = value as Record<string, unknown>
  if (typeof object['line'] === 'number' && typeof object['column'] === 'number') {
    return {...object, line: (object['line'] as number) + lines, offset: typeof object['offset'] === 'number' ? object['offset'] + offset : object['offset']} as T
  }
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(object)) copy[key] = moved(object[key], lines, offset)
  return copy as T
}

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
 * below it is a new node (references.ts copies it), so it has no original and is read again. A list read
 * from several files counts lines per file, and is given no memo (extract/index.ts).
 */
export class EntryMemo {
  readonly #read = new WeakMap<object, Map<string, {paper: RawPaper | undefined}>>()
  /** Entries given back from the memo, and entries read. */
  hits = 0
  misses = 0

  read(adapter: ItemAdapter, item: ListItem, section: Id, at: Locator): RawPaper | undefined {
    const original = originalOf(item)
    const start = item.position?.start
    const from = original?.position?.start
    if (!original || !start || !from || start.offset === undefined || from.offset === undefined) return adapter.read(item, section, at)
    const shift = {lines: start.line - from.line, offset: start.offset - from.offset}
    const key = `${adapter.name}\0${section}`
    let readings = this.#read.get(original)
    const known = readings?.get(key)
    if (known) {
      this.hits++
      return known.paper && copy(known.paper, shift.lines, shift.offset, undefined)
    }
    this.misses++
    const paper = adapter.read(item, section, at)
    const end = item.position?.end.offset
    // A reading that points outside its item depends on text the item does not hold: it is not kept.
    const kept = paper && end !== undefined ? moved(paper, -shift.lines, -shift.offset, {from: start.offset, to: end}) : undefined
    if (paper && !kept) return paper
    if (!readings) this.#read.set(original, (readings = new Map()))
    readings.set(key, {paper: kept})
    return paper
  }
}

/** Thrown from inside `moved` when a point lies outside the item: cheaper than a result checked at every level. */
const outside = new Error('a point outside the item')

/**
 * A copy of a reading, every point in it moved by `lines` and `offset` (columns stay: pieces start at a
 * line's start); undefined when `within` is given and a point's offset is outside it.
 */
function moved<T>(value: T, lines: number, offset: number, within?: {from: number; to: number}): T | undefined {
  try {
    return copy(value, lines, offset, within)
  } catch (error) {
    if (error === outside) return undefined
    throw error
  }
}

function copy<T>(value: T, lines: number, offset: number, within: {from: number; to: number} | undefined): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((entry) => copy(entry, lines, offset, within)) as T
  const object = value as Record<string, unknown>
  if (typeof object['line'] === 'number' && typeof object['column'] === 'number') {
    const at = object['offset']
    if (within && (typeof at !== 'number' || at < within.from || at > within.to)) throw outside
    return {...object, line: (object['line'] as number) + lines, offset: typeof at === 'number' ? at + offset : at} as T
  }
  const result: Record<string, unknown> = {}
  for (const key in object) result[key] = copy(object[key], lines, offset, within)
  return result as T
}

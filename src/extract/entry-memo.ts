import type {ListItem} from 'mdast'
import {originalOf} from '../parse/merge.ts'
import {predecessorOf, type DigitChange} from '../parse/renumbered.ts'
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
    return this.#reading(adapter, item, section, at, true)
  }

  /**
   * The same reading, for what reads no place in it (detection's score): a kept one is given as the memo
   * keeps it, its places where the item was first read, not copied to where it is now. Never to be changed.
   */
  peek(adapter: ItemAdapter, item: ListItem, section: Id, at: Locator): RawPaper | undefined {
    return this.#reading(adapter, item, section, at, false)
  }

  #reading(adapter: ItemAdapter, item: ListItem, section: Id, at: Locator, move: boolean): RawPaper | undefined {
    const original = originalOf(item)
    const start = item.position?.start
    const from = original?.position?.start
    if (!original || !start || !from || start.offset === undefined || from.offset === undefined) return adapter.read(item, section, at)
    const shift = {lines: start.line - from.line, offset: start.offset - from.offset}
    const key = `${adapter.name}\0${section}`
    let readings = this.#read.get(original)
    const known = readings?.get(key) ?? this.#renumbered(original, key)
    if (known) {
      this.hits++
      return known.paper && (move ? copy(known.paper, shift.lines, shift.offset, undefined) : known.paper)
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

  /**
   * The reading of an item the parse cache renumbered (parse/renumbered.ts), from the reading of the item it
   * was copied from: when the only digits that changed in it are its own number, the entry reads the same
   * with the new number. Kept as the new item's reading.
   */
  #renumbered(item: object, key: string): {paper: RawPaper | undefined} | undefined {
    const before = predecessorOf(item as ListItem)
    const paper = before && this.#read.get(before.node)?.get(key)?.paper
    const number = paper && renumberedNumber(paper, before.changes)
    if (number === undefined) return undefined
    const reading = {paper: {...paper!, number}}
    let readings = this.#read.get(item)
    if (!readings) this.#read.set(item, (readings = new Map()))
    readings.set(key, reading)
    return reading
  }
}

/**
 * The entry's new number when the one change in it is the digits of its `[N]`, nothing it read but its
 * whole place and its number's place holds them, and no text it read could be found again in the number:
 * adapters find a title's or a link's place by searching the item's source for its text, and a title
 * `2` is found in `[2]` once the entry is renumbered to it. Else undefined.
 */
function renumberedNumber(paper: RawPaper, changes: DigitChange[]): number | undefined {
  const [change] = changes
  const at = paper.numberPosition
  if (changes.length !== 1 || !change || !at || at.start.offset !== change.from - 1 || at.end.offset !== change.to + 1) return undefined
  if (paper.number !== Number(change.was)) return undefined
  const {position, numberPosition, number, ...rest} = paper
  return holds(rest, change) || mayMatchNumber(rest) ? undefined : Number(change.now)
}

/**
 * Whether a text in `value` could match where a `[N]` is: all digits, a digit beside a bracket, or a
 * bracket at its edge: an adapter searches for a whole text it read, and a text found there is one of these.
 */
function mayMatchNumber(value: unknown): boolean {
  if (typeof value === 'string') return /^\d+$|\[\d|\d\]|\[$|^\]/.test(value)
  if (value === null || typeof value !== 'object') return false
  return Object.values(value).some(mayMatchNumber)
}

/** Whether any position in `value` holds the change's offsets. */
function holds(value: unknown, change: DigitChange): boolean {
  if (value === null || typeof value !== 'object') return false
  if (Array.isArray(value)) return value.some((entry) => holds(entry, change))
  const object = value as Record<string, unknown>
  const start = object['start'] as {offset?: unknown} | undefined
  const end = object['end'] as {offset?: unknown} | undefined
  if (typeof start?.offset === 'number' && typeof end?.offset === 'number') return start.offset < change.to && end.offset > change.from
  return Object.values(object).some((entry) => holds(entry, change))
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

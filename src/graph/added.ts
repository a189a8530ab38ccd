import type {Graph, History, Paper} from '../types.ts'
import {isoInstant} from '../util/iso-date.ts'
import {words} from '../util/text.ts'

// What the pages say about when papers came into the list, read from the finished graph: its history
// (git dates, set by history/) and its metadata (arXiv's dates). The renderer reads dates only here.

/** How long a paper counts as new, counted back from the newest commit. */
export const newDays = 30

/** A table row's key in `History.changed`: the models, datasets and methods tables all key their rows by name. */
export function rowKey(name: string): string {
  return `row:${words(name)}`
}

export interface Added {
  /** ISO 8601, UTC; a month or a year alone starts on its first day. */
  date: string
  /** `git`: the commit that added the entry; `paper`: the paper's own date, for want of history. */
  source: 'git' | 'paper'
  /** How much of `date` is known: an arXiv id gives a month, a venue only a year. Show no more than that. */
  precision: 'day' | 'month' | 'year'
}

/** Dates already read strictly: a site reads each paper's date on half a dozen pages and files. */
const instants = new Map<string, string>()

/** `isoInstant`, remembered; the memory is dropped when it grows past a large list's dates, for a long-lived process. */
function instant(text: string): string {
  let iso = instants.get(text)
  if (iso === undefined) {
    if (instants.size >= 100_000) instants.clear()
    iso = isoInstant(text)
    instants.set(text, iso)
  }
  return iso
}

/** When a paper came into the list: from the history, else the paper's own date (arXiv's exact day when cached). */
export function addedOf(graph: Graph, paper: Paper): Added | undefined {
  const date = graph.history.added.get(paper.id)
  if (date) return {date: instant(date), source: 'git', precision: 'day'}
  const published = graph.meta.get(paper.id)?.published
  if (published) return {date: instant(published), source: 'paper', precision: 'day'}
  if (!paper.date) return undefined
  return {date: instant(`${String(paper.date.year).padStart(4, '0')}-${String(paper.date.month ?? 1).padStart(2, '0')}-01T00:00:00Z`), source: 'paper', precision: paper.date.month ? 'month' : 'year'}
}

/**
 * Added in the `newDays` days up to the newest commit. Only a date from the history can make a paper new,
 * and not the first date: the papers the list started with are where it began, not news (a list
 * imported in one commit would otherwise mark every paper New).
 */
export function isNew(graph: Graph, paper: Paper): boolean {
  const date = graph.history.added.get(paper.id)
  return date !== firstAdded(graph.history) && lately(graph.history, date)
}

/** The list's first commit is in the `newDays` days up to its newest: its latest papers are the ones it began with, which are not New. */
export function beganLately(history: History): boolean {
  return lately(history, firstAdded(history))
}

/** In the `newDays` days up to the newest commit. */
function lately(history: History, date: string | undefined): boolean {
  return date !== undefined && history.newest !== undefined && Date.parse(history.newest) - Date.parse(date) <= newDays * 86_400_000
}

const firstAddedOf = new WeakMap<History, string | undefined>()

/** The earliest "added" date: the commit the list's first papers came with. Computed once per history. */
function firstAdded(history: History): string | undefined {
  if (!firstAddedOf.has(history)) firstAddedOf.set(history, [...history.added.values()].sort()[0])
  return firstAddedOf.get(history)
}

/** The more precise date first, among equal ones. */
const rank = {day: 0, month: 1, year: 2} as const

/** The date as precisely as it is known, for data: `2024-01-15T08:00:00Z`, `2023-12` or `2023`. */
export function addedDate(added: Added): string {
  return added.precision === 'day' ? added.date : added.date.slice(0, added.precision === 'month' ? 7 : 4)
}

/**
 * The papers that have an "added" date, most recently added first; papers added by the same commit,
 * later in the list first (a list grows at the end).
 */
export function recentlyAdded(graph: Graph): Array<{paper: Paper; added: Added}> {
  const order = new Map(graph.papers.map((paper, n) => [paper.id, n]))
  return graph.papers
    .flatMap((paper) => {
      const added = addedOf(graph, paper)
      return added ? [{paper, added}] : []
    })
    // Same date: the more precise first, so that papers known only by their year follow that year's months.
    .sort((a, b) => (a.added.date < b.added.date ? 1 : a.added.date > b.added.date ? -1 : rank[a.added.precision] - rank[b.added.precision] || order.get(b.paper.id)! - order.get(a.paper.id)!))
}

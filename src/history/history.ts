import {arxivId} from '../graph/arxiv.ts'
import type {Graph, Id, Paper} from '../types.ts'
import {readFileLog, type FileLog} from './git-log.ts'
import {isoInstant} from '../iso-date.ts'

/** When the papers came into the list, read from the README's git history. */
export interface History {
  /** `git` when dates come from the history; `none` when there was none to read. */
  source: 'git' | 'none'
  /** One sentence for the site: where the "added" dates come from, and which fall back. */
  note: string
  /**
   * The newest commit that changed the README. "New" is measured back from here rather than from
   * the clock, so that building the same commit twice gives the same site.
   */
  newest: string | undefined
  /** Paper id → the first commit whose diff added one of the entry's lines (ISO 8601 UTC). */
  added: Map<Id, string>
  /** `paper:<id>` or `row:<name>` → the last commit that changed those lines, for the sitemap's lastmod. */
  changed: Map<string, string>
}

/** How long a paper counts as new, counted back from the newest commit. */
export const newDays = 30

/** The reason given when a build, or the dev server, is told not to read the history. */
export const historyOff = 'not read for this preview; `npm run build` reads it'

export function noHistory(reason = 'the build was not given one'): History {
  return {
    source: 'none',
    note: `This build had no git history of the list (${reason}), so each paper’s “added” date is its own date of publication.`,
    newest: undefined,
    added: new Map(),
    changed: new Map()
  }
}

export async function readHistory(readme: string, graph: Graph): Promise<History> {
  return historyFromLog(await readFileLog(readme), graph)
}

/**
 * Matches the lines each commit added against the papers of the graph. A paper's key is its title
 * and its arXiv id, so renumbering, moving an entry or fixing a typo in its title keeps its first date.
 */
export function historyFromLog(log: FileLog, graph: Graph): History {
  if (!log.ok) return noHistory(log.reason)
  const first = new Map<string, {date: string; boundary: boolean}>()
  const last = new Map<string, string>()
  let newest = ''
  for (const commit of log.commits) {
    if (commit.date > newest) newest = commit.date
    for (const line of commit.added) {
      for (const key of lineKeys(line)) {
        const seen = first.get(key)
        if (!seen || commit.date < seen.date || (commit.date === seen.date && commit.boundary)) first.set(key, {date: commit.date, boundary: commit.boundary})
        if (!commit.boundary && commit.date > (last.get(key) ?? '')) last.set(key, commit.date)
      }
    }
  }

  const added = new Map<Id, string>()
  const changed = new Map<string, string>()
  let missing = 0
  for (const paper of graph.papers) {
    const keys = paperKeys(paper)
    const dates = keys.map((key) => first.get(key)).filter((seen) => seen !== undefined)
    const earliest = dates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0]
    if (earliest && !earliest.boundary) added.set(paper.id, earliest.date)
    else missing++
    const latest = keys.map((key) => last.get(key) ?? '').sort().pop()
    if (latest) changed.set(`paper:${paper.id}`, latest)
  }
  for (const [key, date] of last) if (key.startsWith('row:')) changed.set(key, date)

  const commits = log.commits.length
  let note = `The “added” dates come from the list’s git history: ${commits} commit${commits === 1 ? '' : 's'}, the newest on ${newest.slice(0, 10)}.`
  if (missing > 0) {
    note += ` ${missing} paper${missing === 1 ? ' is' : 's are'} not in the history that this build could read (not committed yet, or beyond a shallow clone), so ${missing === 1 ? 'its date is its own' : 'their dates are their own'} date of publication.`
  }
  return {source: 'git', note, newest, added, changed}
}

/** What a README line says about which entry or row it belongs to. */
export function lineKeys(line: string): string[] {
  const keys: string[] = []
  const opening = /^\s*[-*+]\s+\[\s*\d*\s*\]\s*(.*)$/.exec(line)
  if (opening?.[1]) {
    const title = normalize(opening[1])
    if (title) keys.push(`title:${title}`)
  }
  for (const url of line.match(/https?:\/\/[^\s)>\]"']+/g) ?? []) {
    const id = arxivId(url)
    if (id) keys.push(`arxiv:${id}`)
  }
  const row = /^\s*\|([^|]*)\|/.exec(line)
  if (row?.[1] !== undefined && !/^[\s:-]*$/.test(row[1])) keys.push(rowKey(row[1]))
  return keys
}

export function paperKeys(paper: Paper): string[] {
  return [`title:${normalize(paper.title)}`, ...(paper.arxiv ? [`arxiv:${paper.arxiv}`] : [])]
}

/** A table row's key: the models, datasets and methods tables all key their rows by name. */
export function rowKey(name: string): string {
  return `row:${normalize(name)}`
}

/** Letters and digits only, lower case: markdown emphasis and spacing do not change a key. */
function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
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
  const newest = graph.history.newest
  if (!date || !newest || date === firstAdded(graph.history)) return false
  return Date.parse(newest) - Date.parse(date) <= newDays * 86_400_000
}

const firstAddedOf = new WeakMap<History, string | undefined>()

/** The earliest "added" date: the commit the list's first papers came with. Computed once per history. */
function firstAdded(history: History): string | undefined {
  if (!firstAddedOf.has(history)) firstAddedOf.set(history, [...history.added.values()].sort()[0])
  return firstAddedOf.get(history)
}

/**
 * The papers that have an "added" date, most recently added first; papers added by the same commit,
 * later in the list first (a list grows at the end).
 */
const rank = {day: 0, month: 1, year: 2} as const

/** The date as precisely as it is known, for data: `2024-01-15T08:00:00Z`, `2023-12` or `2023`. */
export function addedDate(added: Added): string {
  return added.precision === 'day' ? added.date : added.date.slice(0, added.precision === 'month' ? 7 : 4)
}

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

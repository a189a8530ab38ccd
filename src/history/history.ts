import {arxivId} from '../util/arxiv.ts'
import {words} from '../util/text.ts'
import {rowKey} from '../graph/added.ts'
import {noHistory, type Graph, type History, type Id, type Paper} from '../types.ts'
import {readFileLog, type FileCommit, type FileLog} from './git-log.ts'

/** The reason the site gives when the build was told not to read the history (`history: false`: the bench, some tests). */
export const historyOff = 'the build was told not to read it'

export async function readHistory(readme: string, graph: Graph): Promise<History> {
  return historyFromLog(await readFileLog(readme), graph)
}

/**
 * Matches the lines each commit added against the papers of the graph. A paper's key is its title
 * and its arXiv id, so renumbering, moving an entry or fixing a typo in its title keeps its first date.
 */
export function historyFromLog(log: FileLog, graph: Graph): History {
  return log.ok ? historyFromDates(logDates(log.commits), graph) : noHistory(log.reason)
}

/** What the commits say, before any graph is matched against it: for each line key, when it first and last appeared. */
export interface LogDates {
  first: Map<string, {date: string; boundary: boolean}>
  last: Map<string, string>
  newest: string
  commits: number
}

/** The dates of every line key in the commits: the part of `historyFromLog` that depends on the history alone, kept by a process that matches many graphs against one history. */
export function logDates(commits: FileCommit[]): LogDates {
  const first = new Map<string, {date: string; boundary: boolean}>()
  const last = new Map<string, string>()
  let newest = ''
  for (const commit of commits) {
    if (commit.date > newest) newest = commit.date
    for (const line of commit.added) {
      for (const key of lineKeys(line)) {
        const seen = first.get(key)
        if (!seen || commit.date < seen.date || (commit.date === seen.date && commit.boundary)) first.set(key, {date: commit.date, boundary: commit.boundary})
        if (!commit.boundary && commit.date > (last.get(key) ?? '')) last.set(key, commit.date)
      }
    }
  }
  return {first, last, newest, commits: commits.length}
}

/** The papers of `graph` matched against the dates of the log's line keys. */
export function historyFromDates({first, last, newest, commits}: LogDates, graph: Graph): History {
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
    const title = words(opening[1])
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
  return [`title:${words(paper.title)}`, ...(paper.arxiv ? [`arxiv:${paper.arxiv}`] : [])]
}

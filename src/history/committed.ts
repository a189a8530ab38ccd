import {readFileLog, repository, type FileLog} from './git-log.ts'
import {HeadCommit} from './head.ts'
import {historyFromDates, logDates, type LogDates} from './history.ts'
import {committedTexts, committedVersions, renamesAcross, versionGraphs} from './renames.ts'
import {readStored, repositoryState, store} from './stored.ts'
import {noHistory, type Graph, type History, type Renames} from '../types.ts'

type Committed = {log: Promise<LogDates | {reason: string}>; versions: Promise<Graph[]>}

/**
 * What the README's commits say, read once per checked-out commit: the log with the lines each commit
 * added (for "added" dates) and the old versions whose diffs removed lines (for renames). A build makes
 * one and drops it; the dev server keeps one, because saving the README changes no commit, and reading
 * the history again on every save would cost more than the rest of the refresh. Only the matching
 * against the graph, which changes with every edit, is done each time.
 */
export class CommittedHistory {
  readonly #readme: string
  readonly #current: string | undefined
  readonly #head: HeadCommit
  #read: {head: string | undefined; log: Promise<LogDates | {reason: string}>; versions: Promise<Graph[]>} | undefined
  #checking: Promise<Committed> | undefined
  #once: Promise<Committed> | undefined

  /**
   * `current`: the README's text, for a process that reads the history of one version only (a build). The newest
   * commit's version is then not parsed when it is that same text.
   */
  constructor(readme: string, current?: string) {
    this.#readme = readme
    this.#current = current
    this.#head = new HeadCommit(readme)
  }

  /**
   * Finds which commit is checked out now, ahead of `read`: the dev server calls it when a save arrives, and a
   * build when it starts, so that git, when it has to be asked (head.ts: only after HEAD or a ref changed), runs
   * while the README is analysed instead of after.
   */
  check(): void {
    this.#checking = this.#committed()
  }

  /** The history and renames of `graph`, the README as it is now (uncommitted edits included), against the commits. */
  async read(graph: Graph): Promise<{history: History; renames: Renames}> {
    const checking = this.#checking ?? this.#committed()
    this.#checking = undefined
    const {log, versions} = await checking
    const [dates, graphs] = await Promise.all([log, versions])
    return {history: 'reason' in dates ? noHistory(dates.reason) : historyFromDates(dates, graph), renames: renamesAcross([...graphs, graph])}
  }

  async #committed(): Promise<Committed> {
    if (this.#current !== undefined) return (this.#once ??= this.#forBuild(this.#current))
    const head = await this.#head.read()
    if (!this.#read || this.#read.head !== head) {
      // The log is kept as the dates of its lines, which no edit of the README changes.
      const log = readFileLog(this.#readme).then(datesOf)
      this.#read = {head, log, versions: committedVersions(this.#readme)}
    }
    return this.#read
  }

  /**
   * A build's one reading: what the last build of this README stored, while the repository is in the same
   * state (stored.ts), else git's answers, stored for the next build. The state is read before git is asked,
   * so that a commit made while git runs is seen by the next build.
   */
  async #forBuild(current: string): Promise<Committed> {
    const stored = readStored(this.#readme)
    if (stored) return {log: Promise.resolve(datesOf(stored.log)), versions: Promise.resolve(versionGraphs(stored.versions, current))}
    const where = await repository(this.#readme)
    const place = 'reason' in where ? undefined : where
    const state = place && repositoryState(this.#readme, place)
    const [log, versions] = [readFileLog(this.#readme), committedTexts(this.#readme)]
    // Only a whole answer is kept: a git call that failed may not fail next time.
    if (place && state !== undefined) {
      void Promise.all([log, versions]).then(([read, texts]) => read.ok && store(this.#readme, state, place, {log: read, versions: texts}), () => {})
    }
    return {log: log.then(datesOf), versions: versions.then((texts) => versionGraphs(texts, current), () => [])}
  }
}

/** A log as the dates of its lines, or why there is none. */
function datesOf(read: FileLog): LogDates | {reason: string} {
  return read.ok ? logDates(read.commits) : {reason: read.reason}
}

import {headCommit, readFileLog, type FileLog} from './git-log.ts'
import {historyFromLog, type History} from './history.ts'
import {committedVersions, renamesAcross, type Renames} from './renames.ts'
import type {Graph} from '../types.ts'

/**
 * What the README's commits say, read once per checked-out commit: the log with the lines each commit
 * added (for "added" dates) and the old versions whose diffs removed lines (for renames). A build makes
 * one and drops it; the dev server keeps one, because saving the README changes no commit, and reading
 * the history again on every save would cost more than the rest of the refresh. Only the matching
 * against the graph, which changes with every edit, is done each time.
 */
export class CommittedHistory {
  readonly #readme: string
  #read: {head: string | undefined; log: Promise<FileLog>; versions: Promise<Graph[]>} | undefined

  constructor(readme: string) {
    this.#readme = readme
  }

  /** The history and renames of `graph`, the README as it is now (uncommitted edits included), against the commits. */
  async read(graph: Graph): Promise<{history: History; renames: Renames}> {
    const {log, versions} = await this.#committed()
    const [fileLog, graphs] = await Promise.all([log, versions])
    return {history: historyFromLog(fileLog, graph), renames: renamesAcross([...graphs, graph])}
  }

  async #committed(): Promise<{log: Promise<FileLog>; versions: Promise<Graph[]>}> {
    const head = await headCommit(this.#readme)
    if (!this.#read || this.#read.head !== head) {
      this.#read = {head, log: readFileLog(this.#readme), versions: committedVersions(this.#readme)}
    }
    return this.#read
  }
}

import {PaperIndex} from '../graph/paper-index.ts'
import {candidates} from '../graph/resolve.ts'
import {IdentityIndex} from '../graph/identity.ts'
import {blameFile, showVersion, uncommitted, type BlamedLine} from './blame.ts'
import {papersOfVersion} from './old-list.ts'
import {PieceCache} from '../parse/cache.ts'
import {shortTitle} from '../util/text.ts'
import {source} from '../util/diagnostic.ts'
import {partAt, type Part} from '../extract/inputs.ts'
import type {VFile} from 'vfile'
import type {Graph, Id, Paper, Position, RawList, RawPaper, RawRef, RawRow} from '../types.ts'

/** A number that meant another paper when its row was written, and the paper it meant, in today's list. */
export interface StaleReference {
  /** Today's id of the paper the reference meant. */
  paper: Id
  /** The number as written. */
  number: number
  /** The paper's title in the version the row was written against. */
  titleThen: string
  /** The commit that gave the row its current text. */
  commit: string
  date: string
}

/** What the list's history says about the table references that do not name one paper today. */
export interface ReferenceHistory {
  /** References the history resolved: the site links the paper each one meant. */
  stale: Map<RawRef, StaleReference>
  /** Why the history could not decide, for references that are ambiguous or unresolved today. */
  undecided: Map<RawRef, string>
  /** Where to say, once, that the clone is shallow; undefined when it is not, or it did not matter. */
  shallow: Position | undefined
}

/**
 * For each table row with a number that names no paper or several papers today: the commit that gave
 * the row its current text (one `git blame` of the whole README), the README as it was then (each old
 * version read once), which paper carried each of the row's numbers then, and that paper in today's
 * list, by its arXiv id, else its paper link, else its title. The row's other numbers are read the same
 * way: a row written against old numbering is stale as a whole.
 *
 * Returns undefined, having run no git at all, when every reference names one paper today.
 */
export async function referencesFromHistory(readme: string, text: string, raw: RawList, graph: Graph, options: {at?: string | undefined; parts?: readonly Part[] | undefined} = {}): Promise<ReferenceHistory | undefined> {
  const index = new PaperIndex(graph.papers)
  const unclear = (ref: RawRef) => ref.kind === 'number' && candidates(ref, index).length !== 1
  const rows = raw.tables.flatMap((table) => table.rows.filter((row) => row.refs.some(unclear)))
  if (rows.length === 0) return undefined

  const history: ReferenceHistory = {stale: new Map(), undecided: new Map(), shallow: undefined}
  const cannot = (row: RawRow, reason: string) => {
    for (const ref of row.refs) if (unclear(ref)) history.undecided.set(ref, reason)
  }
  // `text` as a commit has it (the base of `check --since`) is blamed at that commit; otherwise as the working tree's.
  const blame = await blameFile(readme, text, options.at)
  if (!blame.ok) {
    // A list never committed was written against today's numbering: its history has nothing to add.
    if (!blame.uncommitted) for (const row of rows) cannot(row, blame.reason)
    return history
  }

  // Which commit wrote each row, and which numbers each commit's version must say the meaning of.
  const written = new Map<RawRow, BlamedLine>()
  const wanted = new Map<string, {line: BlamedLine; numbers: Set<number>}>()
  // A list in several files (`--input` again, `--follow`): the history read is its first file's, the one
  // `readme` names. A row in another file counts lines in its own file, which that blame would take for its own.
  const parts = options.parts && options.parts.length > 1 ? options.parts : undefined
  for (const row of rows) {
    if (parts && partAt(parts, row.position?.start.offset ?? 0) !== parts[0]) {
      cannot(row, `this row is in another file, and only the history of ${parts[0]!.path}, the list's first file, is read`)
      continue
    }
    const line = blame.lines.get(row.position?.start.line ?? 0)
    if (!line) cannot(row, 'git blame gave no commit for this row')
    // A row being edited now is written against today's numbering: today's error stands, as it is.
    else if (uncommitted.test(line.commit)) continue
    else if (blame.shallow && line.boundary) {
      history.shallow ??= row.refs.find(unclear)?.position
      cannot(row, 'this clone is shallow, so the commit that wrote this row was not fetched')
    } else {
      written.set(row, line)
      const version = wanted.get(line.commit) ?? {line, numbers: new Set<number>()}
      for (const ref of row.refs) if (ref.kind === 'number') version.numbers.add(numberOf(ref))
      wanted.set(line.commit, version)
    }
  }

  // Each old version read once, for the numbers its rows use. Old versions share most of their text: their parsed pieces are shared too.
  const cache = new PieceCache()
  const versions = new Map<string, Map<number, RawPaper[]> | undefined>()
  for (const [commit, {line, numbers}] of wanted) versions.set(commit, await numbersAt(readme, line, numbers, cache))

  const today = new IdentityIndex(graph.papers)
  for (const [row, line] of written) {
    const then = versions.get(line.commit)
    const when = `when the row was last changed (commit ${line.commit.slice(0, 7)}, ${line.date.slice(0, 10)})`
    if (!then) {
      cannot(row, `the list as it was ${when} could not be read`)
      continue
    }
    for (const ref of row.refs) {
      if (ref.kind !== 'number') continue
      const number = numberOf(ref)
      const carried = then.get(number) ?? []
      const now = candidates(ref, index)
      const meant = carried.length === 1 ? today.find(carried[0]!) : []
      if (meant.length === 1) {
        const paper = meant[0]!
        if (now.length !== 1 || now[0] !== paper) history.stale.set(ref, {paper: paper.id, number, titleThen: carried[0]!.title, commit: line.commit, date: line.date})
        continue
      }
      if (now.length !== 1) history.undecided.set(ref, whyUndecided(number, carried, meant.length, when))
    }
  }
  return history
}

/** Why a number the row's version gave no one paper for stays unresolved: what that version, and today's list, said of it. */
function whyUndecided(number: number, carried: RawPaper[], meant: number, when: string): string {
  const title = carried[0] ? `"${shortTitle(carried[0].title)}"` : ''
  if (carried.length === 0) return `no paper carried [${number}] ${when} either`
  if (carried.length > 1) return `[${number}] was carried by ${carried.length} papers ${when} too`
  return meant === 0 ? `the paper it named ${when}, ${title}, has since left the list` : `the paper it named ${when}, ${title}, is listed ${meant} times today`
}

/** How a table can cite `paper` so that it needs no history: its arXiv id, else its number if no other paper has it. */
export function citationFor(paper: Paper, index: PaperIndex): string | undefined {
  if (paper.arxiv) return `[${paper.arxiv}]`
  if (paper.number !== undefined && index.byNumber.get(paper.number)?.length === 1) return `[${paper.number}]`
  return undefined
}

/** The papers of the README at the blamed commit that carried one of `numbers`, by the number each carried then. */
async function numbersAt(readme: string, line: BlamedLine, numbers: ReadonlySet<number>, cache: PieceCache): Promise<Map<number, RawPaper[]> | undefined> {
  const text = await showVersion(readme, line.commit, line.path)
  const papers = text === undefined ? undefined : papersOfVersion(text, numbers, cache)
  if (!papers) return undefined
  const byNumber = new Map<number, RawPaper[]>()
  for (const paper of papers) {
    const list = byNumber.get(paper.number!)
    if (list) list.push(paper)
    else byNumber.set(paper.number!, [paper])
  }
  return byNumber
}

function numberOf(ref: RawRef): number {
  return Number(ref.text.replace(/^\[\s*|\s*\]$/g, ''))
}

/** The paper each resolved reference meant, for `link`. */
export function meantPapers(history: ReferenceHistory): Map<RawRef, Id> {
  return new Map(Array.from(history.stale, ([ref, stale]) => [ref, stale.paper]))
}

/** Says once, where it first mattered, that a shallow clone kept the history from deciding, and how to fetch it. */
export function reportShallowClone(file: VFile, history: ReferenceHistory | undefined): void {
  if (!history?.shallow) return
  const fix = 'run `git fetch --unshallow` (in a GitHub workflow, give `actions/checkout` `fetch-depth: 0`), then check again'
  const message = file.message(
    `This is a shallow clone: the commits that wrote the stale table rows were not fetched, so the list's history cannot resolve their references; ${fix}`,
    {place: history.shallow, ruleId: 'history-shallow', source}
  )
  message.fatal = false
  message.note = fix
}

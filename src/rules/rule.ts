import type {VFile} from 'vfile'
import type {PaperIndex} from '../graph/paper-index.ts'
import type {ReferenceHistory} from '../history/references.ts'
import type {Graph, Position, RawList} from '../types.ts'

export type Severity = 'error' | 'warning'

export interface RuleContext {
  file: VFile
  raw: RawList
  graph: Graph
  index: PaperIndex
  /** What the list's history says about references that do not name one paper today, when it was read. */
  history?: ReferenceHistory | undefined
}

export interface ReportOptions {
  /** How to fix it, in one sentence. */
  fix: string
  /** A related place, such as the first of two duplicates. */
  related?: Position | undefined
}

export type Report = (reason: string, place: Position | undefined, options: ReportOptions) => void

/** One diagnostic rule: an id, a severity and a check that reports through `report`. */
export interface Rule {
  id: string
  severity: Severity
  /** What the rule guards against, for the docs and the check's summary. */
  description: string
  check(context: RuleContext, report: Report): void
}

export {source} from '../util/diagnostic.ts'

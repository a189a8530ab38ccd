/**
 * What `npm run diff` reports: the change between two versions of the list, as the graph sees it.
 * `--json` prints exactly this object (`version: 1`); test/diff-json.test.ts pins its shape, so a field
 * is only ever added, never renamed or removed, without raising `version`.
 */
import type {DatasetRole} from '../types.ts'

/** A paper as one version of the list names it. */
export interface PaperRef {
  /** `[N]` in that version, or null for an unnumbered entry. */
  number: number | null
  title: string
  /** How sentences name it: the title up to its colon when that part is short (`ShortGPT`), else the title. */
  short: string
  /** The title of the section it is listed in. */
  section: string
  arxiv: string | null
  /** The arXiv abstract page, else the entry's Paper link, else its first link; null when it has none. */
  href: string | null
  /** Where the entry starts in that version's README. */
  line: number | null
}

/** A field of a paper that holds one value. */
export interface ValueChange {
  field: 'title' | 'venue' | 'summary' | 'section' | 'number'
  before: string | null
  after: string | null
}

/** A field of a paper that holds a list: what came in and what went. Links are written `Label https://…`. */
export interface ListChange {
  field: 'links' | 'labels'
  added: string[]
  removed: string[]
}

export type FieldChange = ValueChange | ListChange

export interface PaperChange {
  /** The paper in the head version. */
  paper: PaperRef
  /** The same paper in the base version. */
  before: PaperRef
  fields: FieldChange[]
}

/** A run of papers whose numbers all moved by the same amount: one line, not one change per paper. */
export interface Renumbering {
  /** The sections the run is in, in the list's order: more than one when the numbering runs on across sections. */
  sections: string[]
  /** First and last number in the base. */
  from: [number, number]
  /** First and last number in the head. */
  to: [number, number]
  papers: number
  /** "papers [7]–[12] renumbered to [8]–[13]" */
  text: string
}

export type TableKind = 'model' | 'dataset' | 'method'

/** A table row citing a paper, or no longer citing it. */
export interface Citation {
  kind: TableKind
  /** The row's name: `LLaMA2-7B`. */
  name: string
  /** For a dataset, the subsection its row is in. */
  role: DatasetRole | null
  /** In the head for an added citation, in the base for a removed one. */
  paper: PaperRef
  /** An added citation of a paper the change adds; a removed citation of a paper the change removes. */
  paperAddedOrRemoved: boolean
}

/**
 * A reference whose text did not change (`[3]` before and after, in the same row) but which now resolves to
 * another paper, because the numbering moved under it. The most dangerous change: nothing in the diff of the
 * markdown shows it.
 */
export interface RepointedReference {
  kind: TableKind
  name: string
  role: DatasetRole | null
  /** The reference as written, the same in both versions: `[3]`. */
  text: string
  /** Its line in the head. */
  line: number | null
  /** The paper it cited in the base. */
  before: PaperRef
  /** The paper it cites now. */
  after: PaperRef
  /** Where the paper it used to cite is now, or null when the change removed it. */
  beforeNow: PaperRef | null
}

export type NameKind = TableKind | 'tool' | 'label' | 'section'

/** The name-similar rule's verdict on a new name. */
export interface LookAlike {
  /** The name it looks like. */
  name: string
  /** How they differ: "`LLaMa2` beside `LLaMA2`: case or punctuation". */
  how: string
  /** The spelling to use if they are one thing. */
  suggestion: string
  /** Whether that name is still in the list after the change (false: the change removed it, so this is likely a rename). */
  stillListed: boolean
}

export interface NameEntry {
  kind: NameKind
  name: string
  /** For a row: the papers it cites; for a label: the papers that carry it. In the head when added, in the base when removed. */
  papers: PaperRef[]
  /** For an added model, dataset, method or label: the existing name it looks like, if any. */
  lookAlike: LookAlike | null
}

/** A tool whose link changed. */
export interface NameChange {
  kind: 'tool'
  name: string
  before: string
  after: string
}

export interface Finding {
  rule: string
  severity: 'error' | 'warning'
  message: string
  /** In the head for an introduced finding, in the base for a fixed one. */
  line: number | null
  column: number | null
  /** What it is about, which is how it is recognised across versions: `paper [5] LaCo`, `model LLaMaA2-13B`, a heading's line. */
  subject: string
}

export interface Side {
  /** The revision as given (`main`, `HEAD~1`), or null for the working tree. */
  rev: string | null
  /** The commit it resolved to, or null for the working tree. */
  commit: string | null
  /** How it is shown: `main (1a2b3c4)`, `merge base with origin/HEAD (1a2b3c4)`, `working tree`. */
  label: string
}

export interface Counts {
  papersAdded: number
  papersRemoved: number
  papersChanged: number
  papersRenumbered: number
  referencesRepointed: number
  citationsAdded: number
  citationsRemoved: number
  namesAdded: number
  namesRemoved: number
  lookAlikes: number
  findingsIntroduced: number
  findingsFixed: number
}

export interface ListDiff {
  version: 1
  /** The README compared, relative to the working directory. */
  file: string
  base: Side
  head: Side
  /** Whether anything in the list changed; false prints "No change to the list". */
  changed: boolean
  /** Whether the README's text changed at all (it can, outside the list: prose, spacing). */
  textChanged: boolean
  counts: Counts
  papers: {added: PaperRef[]; removed: PaperRef[]; changed: PaperChange[]}
  renumberings: Renumbering[]
  references: {
    repointed: RepointedReference[]
    /** References whose text changed with their paper's number, so they still cite it. */
    followed: number
  }
  citations: {added: Citation[]; removed: Citation[]}
  names: {added: NameEntry[]; removed: NameEntry[]; changed: NameChange[]}
  findings: {
    introduced: Finding[]
    fixed: Finding[]
    /** Findings in both versions (moved or not): neither introduced nor fixed. */
    unchanged: number
  }
}

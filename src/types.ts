/**
 * The typed graph of the list, and the raw entries it is made from.
 * Every node keeps the place in the README it came from, for diagnostics.
 */
import type {Position} from 'unist'
import type {RootContent} from 'mdast'
export type {Position}

/** A stable, URL-safe slug, unique within its kind. */
export type Id = string

export type DatasetRole = 'calibration' | 'finetuning' | 'evaluation'
export const datasetRoles: readonly DatasetRole[] = ['calibration', 'finetuning', 'evaluation']

/** What a section of the README holds, from its heading text. */
export type SectionKind =
  | 'papers'
  | 'methods'
  | 'models'
  | 'datasets'
  | 'tools'
  | 'contents'
  | 'prose'

export interface Link {
  label: string
  href: string
  position: Position | undefined
}

// ---------------------------------------------------------------------------
// Raw entries: what extract/ reads off the markdown tree, before linking.

export interface RawSection {
  id: Id
  title: string
  depth: number
  kind: SectionKind
  /** The dataset role for a subsection of Datasets. */
  role: DatasetRole | undefined
  parent: Id | undefined
  /** The text of a blockquote that opens the section and describes it. */
  description: string | undefined
  position: Position | undefined
  /** The `#anchor` GitHub gives its heading (`papers`, `papers-1` for a second `## Papers`); none without a heading. */
  anchor: string | undefined
  /** Its kind was found from what it holds (papers under `## Pruning`), not from its heading's words. */
  fromContent?: boolean
}

/**
 * What a paper entry's sub-bullet (or the line under its title) holds. `extra` is a key of the
 * key–value form that the site does not show (`Author:`, `Comment:`), which is no mistake there.
 */
export type RawFieldKind = 'labels' | 'summary' | 'publication' | 'links' | 'extra' | 'unknown'

/** One `- Key: value` sub-bullet of a paper entry, or the venue-and-links line under its title. */
export interface RawField {
  kind: RawFieldKind
  /** The key as written (`Label`, `Summary`, `Publication`), or `''` for the line under the title. */
  key: string
  /** The value after the key, as plain text. */
  text: string
  /** Where a comma ends the value with nothing after it (`Structure Pruning,`). */
  trailingComma: Position | undefined
  position: Position | undefined
  /**
   * The key of the sub-bullet this one sits inside, when it was indented deeper than its siblings
   * (`  - Label:` then `    - Summary:`): it is still read as a field of its own.
   */
  nestedIn?: string
}

export interface RawPaper {
  /** `[N]`; undefined for `[]`. */
  number: number | undefined
  title: string
  /** The venue as written: "Arxiv", "ICML23". */
  venue: string
  links: Link[]
  /** `- Label: Structure Pruning, Depth Pruning`, when the entry has one. */
  labels: string[]
  /** Where each of `labels` is written, in the same order: in its `Label:` sub-bullet, else that sub-bullet. */
  labelPositions: Array<Position | undefined>
  /** Each `[label](` of the title and sub-bullets that the parser left as text: a link not closed. */
  unclosedLinks: RawUnclosedLink[]
  /** `- Summary: …`, when the entry has one. */
  summary: string | undefined
  /** Every sub-bullet and the venue line, as written, for the rules. */
  fields: RawField[]
  section: Id
  position: Position | undefined
  titlePosition: Position | undefined
  /** The `[N]` itself. */
  numberPosition: Position | undefined
}

/** `[Paper](` left as text in a paper entry, and where it starts. */
export interface RawUnclosedLink {
  text: string
  position: Position | undefined
}

/** One `[N]` (or `[arXiv id]`) inside a table's paper cell. */
export interface RawRef {
  kind: 'number' | 'arxiv' | 'invalid'
  text: string
  position: Position | undefined
}

export interface RawRow {
  name: string
  refs: RawRef[]
  /** Where a comma ends the paper cell with nothing after it. */
  trailingComma: Position | undefined
  position: Position | undefined
  namePosition: Position | undefined
  refsPosition: Position | undefined
}

export interface RawTable {
  kind: 'models' | 'datasets' | 'methods'
  role: DatasetRole | undefined
  section: Id
  rows: RawRow[]
  position: Position | undefined
}

export interface RawTool {
  name: string
  href: string
  position: Position | undefined
}

export interface RawContentsItem {
  title: string
  /** The `#fragment` the entry links to, when it is a link (`[Paper List](#papers)`). */
  anchor?: string | undefined
  depth: number
  position: Position | undefined
}

/** Markdown the graph does not model, kept so the site can show it as prose. */
export interface RawProse {
  section: Id | undefined
  nodes: RootContent[]
}

/** How one section's entries were read: `Papers › Pruning: table (No., Title, Venue, Year), 340 entries`. */
export interface RawForm {
  section: Id
  /** The section's headings, outermost first: `Papers › Pruning`. */
  path: string
  /** The form's name, as `--form` takes it: `bullets`, `table`. */
  name: string
  /** The form as the build describes it: `table (No., Title, Venue, Year)`. */
  description: string
  entries: number
}

/** A place that links to a paper but was not read as one. */
export interface RawUnread {
  /** A list item, a table row, or a line of text (a paragraph, raw HTML). */
  kind: 'item' | 'row' | 'line'
  text: string
  /** Why it was not read, for the message. */
  reason: string
  position: Position | undefined
}

/**
 * What the reading stage made of the README, so that nothing is lost silently: the form chosen in each
 * section, and how many of the places that link to a paper became papers.
 */
export interface RawReading {
  forms: RawForm[]
  /** List items, table rows and lines that link to a paper, outside the sections that never hold papers. */
  links: number
  /** How many of them were read as papers. */
  read: number
  unread: RawUnread[]
}

export interface RawList {
  title: string
  intro: RootContent[]
  sections: RawSection[]
  papers: RawPaper[]
  tables: RawTable[]
  tools: RawTool[]
  contents: RawContentsItem[]
  prose: RawProse[]
  reading: RawReading
}

// ---------------------------------------------------------------------------
// The graph: entities indexed once, linked by id.

export interface PaperDate {
  year: number
  /** 1–12, when known. */
  month: number | undefined
}

export interface Paper {
  id: Id
  number: number | undefined
  title: string
  venue: Venue
  /** The venue's group (`venues/<id>/`); none when the entry names no venue. */
  venueId: Id | undefined
  links: Link[]
  /** Label ids (`labels/<id>/`), in the entry's order. */
  labels: Id[]
  summary: string | undefined
  arxiv: string | undefined
  /** From the arXiv id when there is one, else the venue's year. */
  date: PaperDate | undefined
  section: Id
  /** Other sections the list puts the same paper under (it is listed there again). */
  alsoIn?: Id[]
  /** On a later listing of a paper in another section: the paper it repeats. The site shows the paper once. */
  repeats?: Id
  models: Id[]
  datasets: Id[]
  methods: Id[]
  position: Position | undefined
}

export interface Model {
  id: Id
  name: string
  family: string
  familyId: Id
  /** Parameter size as written, e.g. "7B", "1.1B". */
  params: string | undefined
  /** Parameter count in billions, for sorting. */
  paramsBillions: number | undefined
  papers: Id[]
  position: Position | undefined
}

export interface Dataset {
  id: Id
  name: string
  roles: DatasetRole[]
  papers: Id[]
  /** The papers each role's table cites it for: a paper may calibrate on C4 and another evaluate on it. */
  papersByRole: Partial<Record<DatasetRole, Id[]>>
  position: Position | undefined
}

export interface Method {
  id: Id
  name: string
  papers: Id[]
  position: Position | undefined
}

export interface Tool {
  id: Id
  name: string
  href: string
  position: Position | undefined
}

/** A value papers are grouped by: a label, a venue or a year. Each has its own page. */
export interface Group {
  id: Id
  name: string
  papers: Id[]
}

/** A section of the README as read, with the papers listed in it. */
export interface Section extends RawSection {
  papers: Id[]
}

export interface Graph {
  title: string
  intro: RootContent[]
  sections: Section[]
  papers: Paper[]
  models: Model[]
  datasets: Dataset[]
  methods: Method[]
  tools: Tool[]
  labels: Group[]
  /** Venues by name (ICML, arXiv), across years and tracks. */
  venues: Group[]
  /** Years, newest first; a year's id is the year itself. */
  years: Group[]
  prose: RawProse[]
  paper: Map<Id, Paper>
  model: Map<Id, Model>
  dataset: Map<Id, Dataset>
  method: Map<Id, Method>
  section: Map<Id, Section>
  label: Map<Id, Group>
  venue: Map<Id, Group>
  year: Map<Id, Group>
  /** Paper id → arXiv metadata from `papers.meta.json`; empty until the build reads the cache. */
  meta: Map<Id, PaperMeta>
  /** When each paper came into the list, from the README's git history; empty until the build reads it. */
  history: History
  /** Former ids of pages, from the same history; none until the build reads it. */
  renames?: Renames | undefined
  /** Paper id → its BibTeX key, which depends on `meta` and `history`: set by `complete()` (src/pipeline.ts), with them. */
  citationKeys?: ReadonlyMap<Id, string>
}

/** A graph as `complete()` (src/pipeline.ts) returns it, frozen: what the renderer takes. */
export type CompleteGraph = Graph & {readonly citationKeys: ReadonlyMap<Id, string>}

export type EntityKind = 'paper' | 'model' | 'dataset' | 'method' | GroupKind
export type GroupKind = 'label' | 'venue' | 'year'

/** A venue string as the list writes it, read into its parts. */
export interface Venue {
  /** As written: "ICML23", "ACL 2024 Findings", "Arxiv". */
  text: string
  /** The venue's name: "ICML", "ACL", "arXiv". */
  name: string
  /** Four-digit year, when the string gives one. */
  year: number | undefined
  /** "Findings", "Workshop", "Tiny Paper", … when given. */
  track: string | undefined
  /** A preprint server rather than a peer-reviewed venue. */
  preprint: boolean
}

/**
 * What `npm run enrich` learns about an arXiv paper, cached in `content/papers.meta.json`
 * next to the README. The build reads only this file: it never asks arXiv itself.
 */
export interface PaperMeta {
  /** The arXiv id without version: `2402.02834`. */
  arxiv: string
  title: string
  /** As arXiv gives them: "Xin Men", in order. */
  authors: string[]
  abstract: string
  /** First version's submission time, ISO 8601 UTC. */
  published: string
  /** Latest version's submission time, ISO 8601 UTC. */
  updated: string
  /** `cs.CL`, for BibTeX's primaryClass. */
  primaryCategory: string | undefined
  doi: string | undefined
  journalRef: string | undefined
}

/** arXiv id → metadata. */
export type MetaCache = Map<string, PaperMeta>

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

/** The history of a build that read none: no dates, and a note for the site that says why. */
export function noHistory(reason = 'the build was not given one'): History {
  return {
    source: 'none',
    note: `This build had no git history of the list (${reason}), so each paper’s “added” date is its own date of publication.`,
    newest: undefined,
    added: new Map(),
    changed: new Map()
  }
}

/** The kinds whose ids make addresses and filter values. */
export const renamedKinds = ['paper', 'model', 'dataset', 'method', 'label', 'venue'] as const
export type RenamedKind = (typeof renamedKinds)[number]

/** Per kind, a former id → the id it has today. A former id is never one in use today. */
export type Renames = Record<RenamedKind, Map<Id, Id>>

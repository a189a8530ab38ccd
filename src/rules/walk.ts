import {toString} from 'mdast-util-to-string'
import type {Nodes} from 'mdast'
import type {ReferenceHistory} from '../history/references.ts'
import type {Position, RawList, RawPaper, RawRef, RawRow, RawSection, RawTable} from '../types.ts'
import {fold, shortTitle} from '../util/text.ts'
import {visit} from 'unist-util-visit'

/** Every row of every table, with its table. */
export function* rows(raw: RawList): Generator<{table: RawTable; row: RawRow}> {
  for (const table of raw.tables) for (const row of table.rows) yield {table, row}
}

/** Every reference in every paper cell, with its row. */
export function* references(raw: RawList): Generator<{table: RawTable; row: RawRow; ref: RawRef}> {
  for (const {table, row} of rows(raw)) for (const ref of row.refs) yield {table, row, ref}
}

/** The papers of each section, in the list's order: numbering is per section. */
export function papersBySection(raw: RawList): RawPaper[][] {
  const sections = new Map<string, RawPaper[]>()
  for (const paper of raw.papers) {
    const list = sections.get(paper.section)
    if (list) list.push(paper)
    else sections.set(paper.section, [paper])
  }
  return [...sections.values()]
}

export interface FoundLink {
  label: string
  href: string
  position: Position | undefined
  /** The paper it belongs to, when it is a paper's link. */
  paper: RawPaper | undefined
}

/** Every link in the README: papers' links, tools, and links in the prose the graph does not model. */
export function* links(raw: RawList): Generator<FoundLink> {
  for (const paper of raw.papers) for (const link of paper.links) yield {...link, paper}
  for (const tool of raw.tools) yield {label: tool.name, href: tool.href, position: tool.position, paper: undefined}
  const found: FoundLink[] = []
  // The tree's depth is capped by `findDeepNode` (parse/guard.ts) before this runs.
  const collect = (node: Nodes): void =>
    visit(node, 'link', (link) => {
      found.push({label: toString(link).trim(), href: link.url, position: link.position, paper: undefined})
    })
  for (const node of raw.intro) collect(node)
  for (const block of raw.prose) for (const node of block.nodes) collect(node)
  yield* found
}

/** How a paper is named in a message: `Paper [4] ("SparseGPT: …")`. */
export function paperName(paper: Pick<RawPaper, 'number' | 'title'>): string {
  const title = shortTitle(paper.title)
  return `${paper.number === undefined ? 'Unnumbered paper' : `Paper [${paper.number}]`}${title ? ` ("${title}")` : ''}`
}


/** Every sub-bullet field (`- Label:`, `- Summary:`, …) of every paper entry, with its paper. */
export function* paperFields(raw: RawList): Generator<{paper: RawPaper; field: RawPaper['fields'][number]}> {
  for (const paper of raw.papers) for (const field of paper.fields) yield {paper, field}
}

/**
 * Does a Contents entry name this heading: by the `#anchor` GitHub gives it, or by its text or anchor
 * compared loosely. Emoji, written as characters or as `:fire:` codes, do not count: `- [🔥 News](#news)`
 * names `## News`.
 */
export function namesHeading(item: {title: string; anchor?: string | undefined}, section: Pick<RawSection, 'title' | 'anchor'>): boolean {
  if (item.anchor !== undefined && item.anchor === section.anchor) return true
  const heading = fold(withoutEmojiCodes(section.title))
  return fold(withoutEmojiCodes(item.title)) === heading || (item.anchor !== undefined && fold(item.anchor) === heading)
}

function withoutEmojiCodes(text: string): string {
  return text.replace(/:[a-z0-9_+-]+:/g, ' ')
}

/** Why the list's history could not resolve a reference, as the end of a message; empty when it was not asked. */
export function whyNot(history: ReferenceHistory | undefined, ref: RawRef): string {
  const reason = history?.undecided.get(ref)
  return reason ? ` (the list's history cannot tell which paper the row meant: ${reason})` : ''
}

import type {Paper} from '../types.ts'
import type {Identity} from './identity.ts'
import {paperLink} from './identity.ts'
import type {FieldChange, PaperChange, PaperRef} from './types.ts'
import type {Version} from './version.ts'
import {numberLabel, truncate} from '../util/text.ts'

/** A paper of one version, as the report names it. */
export function paperRef(version: Version, index: number): PaperRef {
  const paper = version.graph.papers[index]!
  return {
    number: paper.number ?? null,
    title: paper.title,
    short: shortTitle(paper.title),
    section: version.graph.section.get(paper.section)?.title ?? paper.section,
    arxiv: paper.arxiv ?? null,
    href: paper.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : (paperLink(paper) ?? paper.links[0]?.href ?? null),
    line: paper.position?.start.line ?? null
  }
}

/** "ShortGPT:Layers in Large Language Models…" → "ShortGPT": the name people use, when the title has one. */
export function shortTitle(title: string): string {
  const head = title.split(/:(?!\d)/)[0]!.trim()
  if (head !== title.trim() && head.length >= 2 && head.length <= 40) return head
  return truncate(title, 70, 67)
}

/** Papers only in the head, only in the base, and in both with fields that differ. */
export function comparePapers(base: Version, head: Version, identity: Identity): {added: PaperRef[]; removed: PaperRef[]; changed: PaperChange[]} {
  const added = head.graph.papers.flatMap((_, j) => (identity.baseOf.has(j) ? [] : [paperRef(head, j)]))
  const removed = base.graph.papers.flatMap((_, i) => (identity.headOf.has(i) ? [] : [paperRef(base, i)]))
  const changed: PaperChange[] = []
  head.graph.papers.forEach((paper, j) => {
    const i = identity.baseOf.get(j)
    if (i === undefined) return
    const fields = fieldChanges(base, base.graph.papers[i]!, head, paper, base.raw.papers[i]?.labels ?? [], head.raw.papers[j]?.labels ?? [])
    if (fields.length > 0) changed.push({paper: paperRef(head, j), before: paperRef(base, i), fields})
  })
  return {added, removed, changed}
}

function fieldChanges(base: Version, a: Paper, head: Version, b: Paper, labelsA: string[], labelsB: string[]): FieldChange[] {
  const changes: FieldChange[] = []
  const value = (field: 'title' | 'venue' | 'summary' | 'section' | 'number', before: string | null, after: string | null) => {
    if (before !== after) changes.push({field, before, after})
  }
  value('title', a.title, b.title)
  value('venue', a.venue.text || null, b.venue.text || null)
  list('links', a.links.map(linkText), b.links.map(linkText), changes)
  list('labels', labelsA, labelsB, changes)
  value('summary', a.summary ?? null, b.summary ?? null)
  const sectionA = base.graph.section.get(a.section)?.title ?? a.section
  const sectionB = head.graph.section.get(b.section)?.title ?? b.section
  value('section', sectionA, sectionB)
  // Within a section a new number is a renumbering, reported as one line for the whole run.
  if (sectionA !== sectionB) value('number', numberText(a), numberText(b))
  return changes
}

function list(field: 'links' | 'labels', before: string[], after: string[], changes: FieldChange[]): void {
  const added = after.filter((item) => !before.includes(item))
  const removed = before.filter((item) => !after.includes(item))
  if (added.length + removed.length > 0) changes.push({field, added, removed})
}

function linkText(link: {label: string; href: string}): string {
  return `${link.label} ${link.href}`
}

function numberText(paper: Paper): string | null {
  return numberLabel(paper.number) || null
}

import {arxivId} from '../util/arxiv.ts'
import type {Paper, RawPaper} from '../types.ts'

/** Entries that repeat an earlier one: the same arXiv id, or the same link labelled Paper. */
export function duplicatePapers(papers: RawPaper[]): Array<{paper: RawPaper; first: RawPaper; key: string}> {
  const seen = new Map<string, RawPaper>()
  const found: Array<{paper: RawPaper; first: RawPaper; key: string}> = []
  for (const paper of papers) {
    const keys = new Set<string>()
    for (const link of paper.links) {
      const id = arxivId(link.href)
      if (id) keys.add(`arXiv id ${id}`)
      else if (/paper|pdf/i.test(link.label) && link.href.trim() !== '') keys.add(`paper link ${normalizeLink(link.href)}`)
    }
    const hit = [...keys].find((key) => seen.has(key))
    if (hit) found.push({paper, first: seen.get(hit)!, key: hit})
    else for (const key of keys) seen.set(key, paper)
  }
  return found
}

/** A paper link as an identity: host without `www.`, path without a trailing slash, and the query. */
export function normalizeLink(href: string): string {
  try {
    const url = new URL(href.trim())
    return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}${url.search}`
  } catch {
    return href.trim()
  }
}

/**
 * A paper a list puts under two sections (a category and "Highlights", or two categories) is one paper in
 * both, not a mistake: the later listing names the first as the paper it repeats, and the first gets
 * the later one's section. A repeat within one section stays a duplicate (paper-duplicate).
 */
export function foldListings(papers: Paper[], entries: RawPaper[]): void {
  const at = new Map(entries.map((entry, n) => [entry, n]))
  for (const {paper, first} of duplicatePapers(entries)) {
    if (!isListedAgain({paper, first})) continue
    const again = papers[at.get(paper)!]
    const original = papers[at.get(first)!]
    if (!again || !original) continue
    again.repeats = original.id
    if (paper.section !== original.section && !(original.alsoIn ??= []).includes(paper.section)) original.alsoIn.push(paper.section)
  }
}

/** Is this duplicate a listing in another section, rather than the same paper twice in one? */
export function isListedAgain(found: {paper: RawPaper; first: RawPaper}): boolean {
  return found.paper.section !== found.first.section
}

import {arxivId} from './arxiv.ts'
import type {RawPaper} from '../types.ts'

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

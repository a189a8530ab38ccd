import {arxivId} from '../util/arxiv.ts'
import {normalizeLink} from './duplicates.ts'
import {fold} from '../util/text.ts'
import type {Link, Paper} from '../types.ts'

/**
 * What makes a paper the same paper across versions of the list, strongest first: its arXiv id, else its
 * paper link, else its title (case, spacing and punctuation aside). Its number is not among them: that
 * is what changes when the list is renumbered.
 */
export function identityKeys(entry: {title: string; links: readonly Link[]}): string[] {
  const keys: string[] = []
  const arxiv = entry.links.map((link) => arxivId(link.href)).find((id) => id !== undefined)
  if (arxiv) keys.push(`arxiv:${arxiv}`)
  const paper = entry.links.find((link) => /paper|pdf/i.test(link.label) && link.href.trim() !== '') ?? entry.links[0]
  if (paper && !arxivId(paper.href)) keys.push(`link:${normalizeLink(paper.href)}`)
  const title = fold(entry.title)
  if (title) keys.push(`title:${title}`)
  return keys
}

/** Today's papers by each of their identity keys. */
export class IdentityIndex {
  readonly #byKey = new Map<string, Paper[]>()

  constructor(papers: readonly Paper[]) {
    for (const paper of papers) {
      for (const key of identityKeys(paper)) {
        const list = this.#byKey.get(key)
        if (list) list.push(paper)
        else this.#byKey.set(key, [paper])
      }
    }
  }

  /** The papers that are the same paper as `entry`: by its strongest key that any paper still has. */
  find(entry: {title: string; links: readonly Link[]}): Paper[] {
    for (const key of identityKeys(entry)) {
      const found = this.#byKey.get(key)
      if (found) return found
    }
    return []
  }
}

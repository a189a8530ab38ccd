import {fold} from '../util/text.ts'
import type {Paper} from '../types.ts'
import type {Version} from './version.ts'

/**
 * Which paper of the base is which paper of the head. A paper keeps its identity through a renumbering, a
 * move or a retitling: it is matched by its arXiv id, else by its paper link, else by its title, in that
 * order, each paper at most once.
 */
export interface Identity {
  /** Head index → base index, for the papers in both. */
  baseOf: Map<number, number>
  /** Base index → head index. */
  headOf: Map<number, number>
  /** A key per base paper and per head paper, equal for a matched pair; findings and citations are compared by it. */
  baseKey: string[]
  headKey: string[]
}

const keyers: Array<(paper: Paper) => string | undefined> = [
  (paper) => paper.arxiv,
  (paper) => paperLink(paper),
  (paper) => (fold(paper.title) === '' ? undefined : fold(paper.title))
]

export function matchPapers(base: Version, head: Version): Identity {
  const baseOf = new Map<number, number>()
  const headOf = new Map<number, number>()
  for (const keyOf of keyers) {
    const waiting = new Map<string, number[]>()
    base.graph.papers.forEach((paper, i) => {
      const key = headOf.has(i) ? undefined : keyOf(paper)
      if (key === undefined) return
      const list = waiting.get(key)
      if (list) list.push(i)
      else waiting.set(key, [i])
    })
    head.graph.papers.forEach((paper, j) => {
      const key = baseOf.has(j) ? undefined : keyOf(paper)
      const i = key === undefined ? undefined : waiting.get(key)?.shift()
      if (i === undefined) return
      baseOf.set(j, i)
      headOf.set(i, j)
    })
  }
  return {
    baseOf,
    headOf,
    baseKey: base.graph.papers.map((_, i) => `paper ${i}`),
    headKey: head.graph.papers.map((_, j) => (baseOf.has(j) ? `paper ${baseOf.get(j)}` : `new paper ${j}`))
  }
}

/** The entry's `[Paper](…)` link, without what does not change the page it names. */
export function paperLink(paper: Paper): string | undefined {
  const href = paper.links.find((link) => /^paper$/i.test(link.label.trim()))?.href
  return href?.trim().replace(/^http:/i, 'https:').replace(/[/#]+$/, '')
}

import {citationFor} from '../history/references.ts'
import type {Rule} from './rule.ts'
import {references} from './walk.ts'
import {shortTitle} from '../util/text.ts'

export const referenceStale: Rule = {
  id: 'reference-stale',
  severity: 'warning',
  description: 'A table cites a paper by the number it had when the row was written; the list has been renumbered since. The site links the paper it meant, found through the list\'s git history.',
  check({raw, graph, index, history}, report) {
    if (!history) return
    for (const {row, ref} of references(raw)) {
      const stale = history.stale.get(ref)
      const paper = stale && graph.paper.get(stale.paper)
      if (!stale || !paper) continue
      const now = paper.number === undefined ? 'unnumbered now' : `[${paper.number}] now`
      const citation = citationFor(paper, index)
      report(
        `Reference ${ref.text} in \`${row.name || 'this row'}\` is stale: [${stale.number}] was "${shortTitle(stale.titleThen)}" when the row was last changed (commit ${stale.commit.slice(0, 7)}, ${stale.date.slice(0, 10)}); that paper is ${now} (line ${paper.position?.start.line ?? '?'}), and the site links it`,
        ref.position,
        {
          fix: citation
            ? `write ${citation}`
            : `give "${shortTitle(paper.title)}" a number no other paper carries, or an arxiv.org link, and cite it by that`,
          related: paper.position
        }
      )
    }
  }
}

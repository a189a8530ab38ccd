import {candidates} from '../graph/resolve.ts'
import type {Rule} from './rule.ts'
import {paperName, references} from './walk.ts'

export const paperUnreferenced: Rule = {
  id: 'paper-unreferenced',
  severity: 'warning',
  description: 'No table cites a paper, so no model, dataset or method links to it.',
  check({raw, graph, index, history}, report) {
    const cited = new Set<string>()
    for (const {ref} of references(raw)) {
      // A stale number cites the paper it meant, not the ones that carry it now.
      const meant = history?.stale.get(ref)?.paper
      if (meant) cited.add(meant)
      else for (const paper of candidates(ref, index)) cited.add(paper.id)
    }
    // A list without references in its tables does not use them to describe papers.
    if (cited.size === 0) return
    for (const [n, entry] of raw.papers.entries()) {
      const paper = graph.papers[n]
      if (!paper || cited.has(paper.id) || paper.repeats !== undefined) continue
      // A number other papers carry too cannot cite it: its arXiv id can.
      const unique = entry.number !== undefined && (index.byNumber.get(entry.number)?.length ?? 0) === 1
      const how = unique ? `[${entry.number}]` : paper.arxiv ? `[${paper.arxiv}]` : undefined
      report(`${paperName(entry)} is not cited in any table`, entry.numberPosition ?? entry.titlePosition ?? entry.position, {
        fix: how
          ? `add ${how} to the rows of the models, datasets and fine-tuning methods it uses`
          : 'give it a number no other paper carries (or an arxiv.org link, to cite it as `[arXiv id]`), and cite it in the rows of the models, datasets and fine-tuning methods it uses'
      })
    }
  }
}

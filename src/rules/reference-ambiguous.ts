import {candidates} from '../graph/resolve.ts'
import type {Rule} from './rule.ts'
import {references, whyNot} from './walk.ts'

export const referenceAmbiguous: Rule = {
  id: 'reference-ambiguous',
  severity: 'error',
  description: 'A table reference matches more than one paper, for example when numbering restarts in each subsection.',
  check({raw, index, history}, report) {
    for (const {row, ref} of references(raw)) {
      const found = candidates(ref, index)
      if (found.length < 2 || history?.stale.has(ref)) continue
      const list = found.map((paper) => `"${paper.title}" (line ${paper.position?.start.line ?? '?'})`).join(', ')
      const byArxiv = found.filter((paper) => paper.arxiv).map((paper) => `[${paper.arxiv}]`)
      report(`Reference ${ref.text} in \`${row.name || 'this row'}\` is ambiguous: ${found.length} papers carry it: ${list}${whyNot(history, ref)}`, ref.position, {
        fix: byArxiv.length > 0
          ? `cite the paper by its arXiv id instead, e.g. ${byArxiv.join(' or ')}`
          : 'give the papers distinct numbers, or cite the paper by its arXiv id',
        related: found[0]?.position
      })
    }
  }
}

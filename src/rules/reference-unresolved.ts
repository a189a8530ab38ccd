import {candidates} from '../graph/resolve.ts'
import type {Rule} from './rule.ts'
import {references, whyNot} from './walk.ts'

export const referenceUnresolved: Rule = {
  id: 'reference-unresolved',
  severity: 'error',
  description: 'A table cites a paper number or arXiv id that no paper in the list carries.',
  check({raw, index, history}, report) {
    for (const {row, ref} of references(raw)) {
      if (ref.kind === 'invalid' || candidates(ref, index).length > 0 || history?.stale.has(ref)) continue
      const what = ref.kind === 'number' ? `no paper is numbered ${ref.text}` : `no paper links to arXiv ${ref.text}`
      report(`Reference ${ref.text} in \`${row.name || 'this row'}\` matches no paper: ${what}${whyNot(history, ref)}`, ref.position, {
        fix: ref.kind === 'number'
          ? 'use the number of a paper in the Papers section, or add the paper first'
          : 'use the arXiv id of a paper the list links to (its arxiv.org link), or add the paper first'
      })
    }
  }
}

import type {Rule} from './rule.ts'
import {references} from './walk.ts'
import {citedArxivId} from '../util/arxiv.ts'

/** A number or an arXiv id without its brackets: `3`, `2402.02834`. */
const bareReference = new RegExp(`^\\s*(\\d+|${citedArxivId.source})\\s*$`)

export const referenceMalformed: Rule = {
  id: 'reference-malformed',
  severity: 'error',
  description: 'A paper cell holds something other than bracketed references separated by commas.',
  check({raw}, report) {
    for (const {row, ref} of references(raw)) {
      if (ref.kind !== 'invalid') continue
      const bare = bareReference.exec(ref.text)?.[1]
      report(`Cannot read \`${ref.text}\` in the papers of \`${row.name || 'this row'}\` as a reference`, ref.position, {
        fix: bare
          ? `put it in brackets, \`[${bare}]\`, and separate references with commas, e.g. \`[1], [3]\``
          : 'write each paper as `[N]` (its number) or `[2402.02834]` (its arXiv id), separated by commas, e.g. `[1], [3]`'
      })
    }
  }
}

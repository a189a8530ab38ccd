import type {Rule} from './rule.ts'
import {paperName, papersBySection} from './walk.ts'

export const paperNumberSequence: Rule = {
  id: 'paper-number-sequence',
  severity: 'warning',
  description: 'The numbering of a section skips numbers or goes backwards.',
  check({raw}, report) {
    for (const papers of papersBySection(raw)) {
      const seen = new Set<number>()
      let previous: number | undefined
      for (const paper of papers) {
        const n = paper.number
        if (n === undefined) continue
        // A number used twice is paper-number-duplicate's to report.
        if (previous !== undefined && !seen.has(n) && n !== previous + 1) {
          const what = n > previous
            ? `skips ${n === previous + 2 ? `[${previous + 1}]` : `[${previous + 1}]–[${n - 1}]`}`
            : `goes backwards, from [${previous}] to [${n}]`
          report(`${paperName(paper)}: the numbering ${what}`, paper.numberPosition ?? paper.position, {
            fix: 'number the papers of a section in order, [1], [2], [3] …; if you renumber, update the table references (or cite papers by arXiv id)'
          })
        }
        seen.add(n)
        previous = n
      }
    }
  }
}

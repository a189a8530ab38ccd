import type {RawPaper} from '../types.ts'
import type {Rule} from './rule.ts'
import {paperName, papersBySection} from './walk.ts'

export const paperNumberDuplicate: Rule = {
  id: 'paper-number-duplicate',
  severity: 'error',
  description: 'Two papers in one section carry the same number, so a table reference `[N]` cannot tell them apart.',
  check({raw}, report) {
    // A number no paper in the whole list has: numbering may restart in each section, or run on across them.
    // Each suggestion is another free number, so following all of them makes no new duplicate.
    let free = raw.papers.reduce((max, paper) => Math.max(max, paper.number ?? 0), 0) + 1
    for (const papers of papersBySection(raw)) {
      const seen = new Map<number, RawPaper>()
      for (const paper of papers) {
        if (paper.number === undefined) continue
        const first = seen.get(paper.number)
        if (!first) {
          seen.set(paper.number, paper)
          continue
        }
        report(`${paperName(paper)} has the same number as "${first.title}" (line ${first.position?.start.line ?? '?'}) in the same section`, paper.numberPosition ?? paper.position, {
          fix: `give it a number of its own, e.g. [${free++}], and update the table references to it`,
          related: first.numberPosition
        })
      }
    }
  }
}

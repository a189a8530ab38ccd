import {duplicatePapers, isListedAgain} from '../graph/duplicates.ts'
import type {Rule} from './rule.ts'
import {paperName} from './walk.ts'

export const paperDuplicate: Rule = {
  id: 'paper-duplicate',
  severity: 'error',
  description: 'The same paper is listed twice in one section: two entries share an arXiv id or a paper link.',
  check({raw}, report) {
    for (const {paper, first, key} of duplicatePapers(raw.papers)) {
      // Under two sections, it is one paper in both: the site shows it once, with both.
      if (isListedAgain({paper, first})) continue
      report(`${paperName(paper)} is listed twice: "${first.title}" (line ${first.position?.start.line ?? '?'}) has the same ${key}`, paper.titlePosition ?? paper.position, {
        fix: 'delete one of the two entries, and point the table references at the one you keep',
        related: first.titlePosition
      })
    }
  }
}

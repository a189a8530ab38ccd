import type {Rule} from './rule.ts'
import {paperFields, paperName} from './walk.ts'

export const paperFieldNested: Rule = {
  id: 'paper-field-nested',
  severity: 'warning',
  description: 'A paper\'s sub-bullet is indented deeper than the one above it, so markdown nests it inside that one.',
  check({raw}, report) {
    for (const {paper, field} of paperFields(raw)) {
      if (field.nestedIn === undefined) continue
      report(`The sub-bullet \`${field.key}:\` of ${paperName(paper)} is indented deeper than \`${field.nestedIn}\` above it, so it sits inside it`, field.position, {
        fix: 'indent every sub-bullet of the entry the same way (two spaces before the `-`, and spaces rather than a tab)'
      })
    }
  }
}

import type {Rule} from './rule.ts'
import {paperFields, paperName} from './walk.ts'
import {splitLabels} from '../extract/paper-entry.ts'

export const paperFieldEmpty: Rule = {
  id: 'paper-field-empty',
  severity: 'warning',
  description: 'A `Label:` or `Summary:` sub-bullet has nothing after the colon.',
  check({raw}, report) {
    for (const {paper, field} of paperFields(raw)) {
      const empty = field.kind === 'labels' ? splitLabels(field.text).length === 0 : field.kind === 'summary' && field.text === ''
      if (!empty) continue
      report(`The \`${field.key}:\` of ${paperName(paper)} is empty`, field.position, {
        fix: field.kind === 'labels'
          ? `list the labels after the colon, separated by commas, e.g. \`- ${field.key}: Structure Pruning, Depth Pruning\`, or delete the sub-bullet`
          : `write one or two sentences after the colon, or delete the sub-bullet`
      })
    }
  }
}

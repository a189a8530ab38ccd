import type {Rule} from './rule.ts'
import {paperFields, paperName} from './walk.ts'
import {truncate} from '../util/text.ts'

export const paperFieldUnknown: Rule = {
  id: 'paper-field-unknown',
  severity: 'warning',
  description: 'A paper\'s sub-bullet is not one the site reads (Label, Summary, Publication, or links), so it would not show.',
  check({raw}, report) {
    for (const {paper, field} of paperFields(raw)) {
      if (field.kind !== 'unknown') continue
      const what = field.key ? `\`${field.key}:\`` : `\`${truncate(field.text, 30, 27)}\``
      report(`The sub-bullet ${what} of ${paperName(paper)} is not read by the site`, field.position, {
        fix: 'use `- Label: …`, `- Summary: …` or `- Publication: Venue, [Paper](https://…)`, or check the spelling of the key'
      })
    }
  }
}

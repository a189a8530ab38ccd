import type {Rule} from './rule.ts'
import {paperName, rows} from './walk.ts'

export const trailingComma: Rule = {
  id: 'trailing-comma',
  severity: 'warning',
  description: 'A list of references, labels or links ends with a stray comma.',
  check({raw}, report) {
    for (const {row} of rows(raw)) {
      if (!row.trailingComma) continue
      report(`Stray comma after the last reference of \`${row.name || 'this row'}\``, row.trailingComma, {fix: 'delete the comma after the last reference'})
    }
    for (const paper of raw.papers) {
      for (const field of paper.fields) {
        if (!field.trailingComma) continue
        const what = field.kind === 'labels' ? 'label' : field.kind === 'publication' ? 'link' : 'item'
        report(`Stray comma after the last ${what} of ${paperName(paper)}`, field.trailingComma, {fix: `delete the comma after the last ${what}`})
      }
    }
  }
}

import type {Rule} from './rule.ts'
import {rows} from './walk.ts'

export const rowMissingName: Rule = {
  id: 'row-missing-name',
  severity: 'error',
  description: 'A row of a Models, Datasets or Fine-tuning methods table has an empty name cell.',
  check({raw}, report) {
    for (const {row} of rows(raw)) {
      if (row.name !== '') continue
      report('This table row has no name', row.namePosition ?? row.position, {
        fix: 'write the model, dataset or method name in the first cell, or delete the row'
      })
    }
  }
}

import type {RawRow} from '../types.ts'
import type {Rule} from './rule.ts'

export const rowDuplicateName: Rule = {
  id: 'row-duplicate-name',
  severity: 'error',
  description: 'The same name appears in two rows of one table.',
  check({raw}, report) {
    for (const table of raw.tables) {
      const seen = new Map<string, RawRow>()
      for (const row of table.rows) {
        if (row.name === '') continue
        const key = row.name.toLowerCase().replace(/\s+/g, ' ')
        const first = seen.get(key)
        if (!first) {
          seen.set(key, row)
          continue
        }
        report(`\`${row.name}\` is already in this table (line ${first.position?.start.line ?? '?'})`, row.namePosition ?? row.position, {
          fix: 'merge the two rows: put all the references in one cell, e.g. `[1], [3]`, and delete the other row',
          related: first.namePosition
        })
      }
    }
  }
}

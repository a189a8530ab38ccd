import type {RawList, RawRef, RawRow, RawTable} from '../types.ts'

/** Every row of every table, with its table. */
export function* rows(raw: RawList): Generator<{table: RawTable; row: RawRow}> {
  for (const table of raw.tables) for (const row of table.rows) yield {table, row}
}

/** Every reference in every paper cell, with its row. */
export function* references(raw: RawList): Generator<{table: RawTable; row: RawRow; ref: RawRef}> {
  for (const {table, row} of rows(raw)) for (const ref of row.refs) yield {table, row, ref}
}

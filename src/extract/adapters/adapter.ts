import type {ListItem, Table, TableRow} from 'mdast'
import type {Locator} from '../place.ts'
import type {Id, RawPaper} from '../../types.ts'

/**
 * One form of paper entry that real lists use, read into the raw paper entry the graph takes.
 * Each form is a small module in this folder, registered in `index.ts`.
 */
export type Adapter = ItemAdapter | RowAdapter

/** A form whose entries are list items. */
export interface ItemAdapter {
  /** The name `--form` takes and the build prints. */
  name: string
  reads: 'items'
  /** The form, as the build describes it. */
  description: string
  /** Reads one list item, or gives undefined when the item is not written in this form. */
  read(item: ListItem, section: Id, at: Locator): RawPaper | undefined
}

/** A form whose entries are the rows of a table, read through its header. */
export interface RowAdapter {
  name: string
  reads: 'rows'
  /** The table's columns, found by their header, or undefined when it is no table of papers. */
  columns(table: Table): Columns | undefined
  /** The form, as the build describes it: `table (No., Title, Venue, Year)`. */
  describe(columns: Columns): string
  read(row: TableRow, columns: Columns, section: Id, at: Locator): RawPaper | undefined
}

/** What each column of a table of papers holds, by index; `headers` are the header cells as written. */
export interface Columns {
  headers: string[]
  number: number | undefined
  title: number
  venue: number | undefined
  year: number | undefined
  code: number | undefined
  labels: number | undefined
  authors: number | undefined
}

import {toString} from 'mdast-util-to-string'
import type {Table} from 'mdast'
import type {Locator} from './place.ts'
import {readReferenceCell} from './reference-cell.ts'
import type {RawRow, RawTable, RawSection} from '../types.ts'

/**
 * Reads a `| Name | Paper |` table into rows. The columns are found by their header text,
 * so a table may add columns or put them in another order.
 */
export function readTable(table: Table, section: RawSection, at: Locator): RawTable {
  const [head, ...body] = table.children
  const headers = (head?.children ?? []).map((cell) => toString(cell).trim().toLowerCase())
  const refColumn = pick(headers, /paper|ref|cited/, 1)
  const nameColumn = pick(headers, /name|model|dataset|method|title/, refColumn === 0 ? 1 : 0)

  const rows: RawRow[] = []
  for (const row of body) {
    const nameCell = row.children[nameColumn]
    const refCell = row.children[refColumn]
    const start = refCell?.position?.start.offset
    const end = refCell?.position?.end.offset
    const cell =
      start !== undefined && end !== undefined
        ? readReferenceCell(at, start, end)
        : {refs: [], trailingComma: undefined}
    rows.push({
      name: nameCell ? toString(nameCell).replace(/\s+/g, ' ').trim() : '',
      refs: cell.refs,
      trailingComma: cell.trailingComma,
      position: row.position,
      namePosition: nameCell ? trimmedCell(nameCell.position, at) : row.position,
      refsPosition: refCell?.position ?? row.position
    })
  }

  const kind = section.kind === 'models' || section.kind === 'datasets' || section.kind === 'methods' ? section.kind : kindOfHeader(headers)
  return {kind, role: section.role, section: section.id, rows, position: table.position}
}

/** A cell of references: `[1], [3]`, `[2402.02834]`. */
const referenceCell = /^\s*(\[\s*[\w.]+\s*\]\s*[,;]?\s*)+$/

/**
 * Does a table cite papers by reference (a name column and a column of `[N]`)? Found from its cells,
 * not its heading: most of the non-empty cells of one column are references.
 */
export function isReferenceTable(table: Table): boolean {
  const [head, ...body] = table.children
  const width = head?.children.length ?? 0
  for (let column = 0; column < width && width > 1; column++) {
    const cells = body.map((row) => (row.children[column] ? toString(row.children[column]).trim() : '')).filter((text) => text !== '')
    if (cells.length > 0 && cells.filter((text) => referenceCell.test(text)).length >= 0.6 * cells.length) return true
  }
  return false
}

/** What a citing table lists when its heading does not say: its header's word for it, else fine-tuning methods. */
function kindOfHeader(headers: string[]): RawTable['kind'] {
  const text = headers.join(' ')
  if (/\bmodels?\b|\bllms?\b/.test(text)) return 'models'
  if (/\bdatasets?\b|\bbenchmarks?\b/.test(text)) return 'datasets'
  return 'methods'
}

function pick(headers: string[], pattern: RegExp, fallback: number): number {
  const found = headers.findIndex((header) => pattern.test(header))
  return found === -1 ? fallback : found
}

/** A cell's position without its pipe and padding, so a message points at the name itself. */
function trimmedCell(position: RawRow['position'], at: Locator): RawRow['position'] {
  const start = position?.start.offset
  const end = position?.end.offset
  if (start === undefined || end === undefined) return position
  const text = at.source.slice(start, end)
  const lead = /^[|\s]*/.exec(text)?.[0].length ?? 0
  const trail = /[|\s]*$/.exec(text.slice(lead))?.[0].length ?? 0
  if (lead >= text.length - trail) return position
  return at.span(start + lead, end - trail) ?? position
}

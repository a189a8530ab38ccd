import {PaperIndex} from '../graph/paper-index.ts'
import {resolveReference} from '../graph/resolve.ts'
import type {DatasetRole, Paper} from '../types.ts'
import type {TableKind} from './types.ts'
import type {Version} from './version.ts'

/** A table row as the diff compares it: found again in the other version by its kind, subsection and name. */
export interface Row {
  kind: TableKind
  role: DatasetRole | null
  name: string
  key: string
  line: number | null
  refs: Array<{text: string; paper: number | undefined; line: number | null}>
}

const kinds = {models: 'model', datasets: 'dataset', methods: 'method'} as const

/** Every named row of the version's tables, each reference resolved to a paper's index as the site resolves it. */
export function tableRows(version: Version): Row[] {
  const index = new PaperIndex(version.graph.papers)
  const position = new Map<Paper, number>(version.graph.papers.map((paper, i) => [paper, i]))
  return version.raw.tables.flatMap((table) =>
    table.rows.flatMap((row) => {
      if (row.name === '') return []
      const kind = kinds[table.kind]
      const role = table.role ?? null
      return [{
        kind,
        role,
        name: row.name,
        key: rowKey(kind, role, row.name),
        line: row.position?.start.line ?? null,
        refs: row.refs.map((ref) => {
          const paper = resolveReference(ref, index)
          return {text: ref.text.replace(/\s+/g, ''), paper: paper && position.get(paper), line: ref.position?.start.line ?? null}
        })
      }]
    })
  )
}

/** A row's name as written (a change of case is a change a reviewer should see), in its table. */
export function rowKey(kind: TableKind, role: DatasetRole | null, name: string): string {
  return `${kind}\u0000${role ?? ''}\u0000${name.replace(/\s+/g, ' ').trim()}`
}

/** Rows by key; the first of two rows with one name stands for both (row-duplicate-name reports the second). */
export function byKey(rows: Row[]): Map<string, Row[]> {
  const map = new Map<string, Row[]>()
  for (const row of rows) {
    const list = map.get(row.key)
    if (list) list.push(row)
    else map.set(row.key, [row])
  }
  return map
}

import type {Identity} from './identity.ts'
import {citationKey} from './references.ts'
import {paperRef} from './papers.ts'
import type {Row} from './tables.ts'
import type {Citation} from './types.ts'
import type {Version} from './version.ts'

/**
 * Rows in both versions that cite a paper they did not cite, or no longer cite one they did. Papers are
 * compared by identity, so a reference rewritten from `[3]` to `[4]` to follow its paper's new number is
 * no change. Rows that came or went are reported as names, with their papers; a citation that a re-pointed
 * reference explains (`explained`) is reported there, once.
 */
export function compareCitations(base: Version, head: Version, identity: Identity, baseRows: Map<string, Row[]>, headRows: Map<string, Row[]>, explained: Set<string>): {added: Citation[]; removed: Citation[]} {
  const added: Citation[] = []
  const removed: Citation[] = []
  for (const [key, rows] of headRows) {
    const before = baseRows.get(key)
    if (!before) continue
    const cited = (list: Row[], keys: string[]) => new Map(list.flatMap((row) => row.refs.flatMap((ref) => (ref.paper === undefined ? [] : [[keys[ref.paper]!, ref.paper] as const]))))
    const now = cited(rows, identity.headKey)
    const then = cited(before, identity.baseKey)
    const row = rows[0]!
    for (const [paperKey, j] of now) {
      if (!then.has(paperKey) && !explained.has(citationKey(key, paperKey))) added.push({kind: row.kind, name: row.name, role: row.role, paper: paperRef(head, j), paperAddedOrRemoved: !identity.baseOf.has(j)})
    }
    for (const [paperKey, i] of then) {
      if (!now.has(paperKey) && !explained.has(citationKey(key, paperKey))) removed.push({kind: row.kind, name: row.name, role: row.role, paper: paperRef(base, i), paperAddedOrRemoved: !identity.headOf.has(i)})
    }
  }
  return {added, removed}
}

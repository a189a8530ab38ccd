import type {Identity} from './identity.ts'
import {paperRef} from './papers.ts'
import type {Row} from './tables.ts'
import type {RepointedReference} from './types.ts'
import type {Version} from './version.ts'

/**
 * References that read the same before and after, in the same row, but resolve to another paper: the numbering
 * moved under them. Also counts the references that were rewritten to follow their paper (`[3]` → `[4]`), and
 * names the citations a re-pointed reference explains (row key and paper key), which are not reported again.
 */
export function compareReferences(base: Version, head: Version, identity: Identity, baseRows: Map<string, Row[]>, headRows: Map<string, Row[]>): {repointed: RepointedReference[]; followed: number; explained: Set<string>} {
  const repointed: RepointedReference[] = []
  const explained = new Set<string>()
  let followed = 0
  for (const [key, rows] of headRows) {
    const before = baseRows.get(key)
    if (!before) continue
    const then = new Map<string, number | undefined>()
    for (const ref of before.flatMap((row) => row.refs)) if (!then.has(ref.text)) then.set(ref.text, ref.paper)
    const thenPapers = new Set(before.flatMap((row) => row.refs.flatMap((ref) => (ref.paper === undefined ? [] : [identity.baseKey[ref.paper]]))))
    const row = rows[0]!
    for (const ref of rows.flatMap((each) => each.refs)) {
      if (ref.paper === undefined) continue
      const i = then.get(ref.text)
      if (!then.has(ref.text)) {
        // A new reference text to a paper the row already cited under its old number.
        if (thenPapers.has(identity.headKey[ref.paper])) followed++
        continue
      }
      if (i === undefined || identity.baseKey[i] === identity.headKey[ref.paper]) continue
      const now = identity.headOf.get(i)
      explained.add(citationKey(key, identity.baseKey[i]!)).add(citationKey(key, identity.headKey[ref.paper]!))
      repointed.push({
        kind: row.kind,
        name: row.name,
        role: row.role,
        text: ref.text,
        line: ref.line,
        before: paperRef(base, i),
        after: paperRef(head, ref.paper),
        beforeNow: now === undefined ? null : paperRef(head, now)
      })
    }
  }
  return {repointed, followed, explained}
}

/** A row citing a paper, across versions: the row's key and the paper's identity key. */
export function citationKey(rowKey: string, paperKey: string): string {
  return `${rowKey}\u0000${paperKey}`
}

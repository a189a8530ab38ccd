import type {Identity} from './identity.ts'
import {paperRef} from './papers.ts'
import type {Row} from './tables.ts'
import type {RepointedReference} from './types.ts'
import type {Version} from './version.ts'

/**
 * References that read the same before and after, in the same row, but resolve to another paper because the
 * numbering moved under them, so that the row no longer cites the paper they meant. (A row renumbered with care,
 * `[2],[3],[4]` → `[2],[4],[5]`, has a `[4]` that points elsewhere but still cites every paper: no re-pointing.)
 * Also counts the references rewritten to follow their paper (`[3]` → `[4]`), and names the citations a
 * re-pointed reference explains (row key and paper key), which are not reported again as citations.
 */
export function compareReferences(base: Version, head: Version, identity: Identity, baseRows: Map<string, Row[]>, headRows: Map<string, Row[]>): {repointed: RepointedReference[]; followed: number; explained: Set<string>} {
  const repointed: RepointedReference[] = []
  const explained = new Set<string>()
  let followed = 0
  for (const [key, rows] of headRows) {
    const before = baseRows.get(key)
    if (!before) continue
    const thenRefs = before.flatMap((row) => row.refs)
    const nowRefs = rows.flatMap((row) => row.refs)
    /** The paper each reference text resolved to in the base. */
    const then = new Map<string, number | undefined>()
    for (const ref of thenRefs) if (!then.has(ref.text)) then.set(ref.text, ref.paper)
    /** Paper key → the texts that cited it, in each version. */
    const citedThen = textsByPaper(thenRefs, identity.baseKey)
    const citedNow = textsByPaper(nowRefs, identity.headKey)
    const row = rows[0]!
    for (const ref of nowRefs) {
      if (ref.paper === undefined) continue
      const paperKey = identity.headKey[ref.paper]!
      const texts = citedThen.get(paperKey)
      if (texts && !texts.has(ref.text)) followed++
      const i = then.get(ref.text)
      if (i === undefined || identity.baseKey[i] === paperKey) continue
      const oldKey = identity.baseKey[i]!
      // The row still cites the paper under another number: renumbered with care, not re-pointed. With the same
      // texts, a row that gained a paper has lost one, and the reference that lost it is the one reported.
      if (citedNow.has(oldKey)) continue
      explained.add(citationKey(key, oldKey)).add(citationKey(key, paperKey))
      const now = identity.headOf.get(i)
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

function textsByPaper(refs: Row['refs'], keys: string[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>()
  for (const ref of refs) {
    if (ref.paper === undefined) continue
    const key = keys[ref.paper]!
    map.set(key, (map.get(key) ?? new Set()).add(ref.text))
  }
  return map
}

/** A row citing a paper, across versions: the row's key and the paper's identity key. */
export function citationKey(rowKey: string, paperKey: string): string {
  return `${rowKey}\u0000${paperKey}`
}

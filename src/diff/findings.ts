import type {VFileMessage} from 'vfile-message'
import type {Identity} from './identity.ts'
import {shortTitle} from './papers.ts'
import {rowKey, type Row} from './tables.ts'
import type {Finding} from './types.ts'
import type {Version} from './version.ts'

/** What a finding is about: how it is recognised in the other version, and how the report names it. */
interface Subject {
  key: string
  label: string
  /** A paper's `[N]` moves with a renumbering: the text under a finding in it is compared without its numbers. */
  paper: boolean
}

export interface ComparedFindings {
  /** In the head and not in the base, in the head's order. */
  introduced: VFileMessage[]
  /** In the base and not in the head. */
  fixed: VFileMessage[]
  unchanged: number
  /** A finding of either version as the report and the JSON give it. */
  describe(message: VFileMessage, side: 'base' | 'head'): Finding
}

/**
 * Findings keyed by rule and by what they are about (a paper by its identity, a table row by its name, any
 * other line by its text) and by the text they point at, not by line number: a finding that was already
 * there and merely moved is neither introduced nor fixed.
 */
export function compareFindings(base: Version, head: Version, identity: Identity, baseRows: Row[], headRows: Row[]): ComparedFindings {
  const baseSubjects = subjects(base, identity.baseKey, baseRows)
  const headSubjects = subjects(head, identity.headKey, headRows)
  const before = keyed(base, baseSubjects)
  const after = keyed(head, headSubjects)
  const introduced: VFileMessage[] = []
  let unchanged = 0
  // Each head finding takes its partner out of `before`; what is left there at the end was fixed.
  for (const [key, messages] of after) {
    const old = before.get(key) ?? []
    // The same reason pairs first, so that of two findings on one subject the one that changed is the one reported.
    const left = messages.filter((message) => {
      const at = old.findIndex((each) => each.reason === message.reason)
      if (at === -1) return true
      old.splice(at, 1)
      unchanged++
      return false
    })
    const paired = Math.min(left.length, old.length)
    unchanged += paired
    old.splice(0, paired)
    introduced.push(...left.slice(paired))
  }
  const fixed = inOrder(base, [...before.values()].flat())
  return {introduced: inOrder(head, introduced), fixed, unchanged, describe: (message, side) => (side === 'base' ? finding(base, message, baseSubjects) : finding(head, message, headSubjects))}
}

/** Messages in the order their version reports them: by line. */
function inOrder(version: Version, messages: VFileMessage[]): VFileMessage[] {
  const order = new Map(version.file.messages.map((message, n) => [message, n]))
  return messages.sort((a, b) => order.get(a)! - order.get(b)!)
}

function finding(version: Version, message: VFileMessage, byLine: Array<Subject | undefined>): Finding {
  const subject = byLine[message.line ?? 0]
  return {
    rule: message.ruleId ?? 'readme',
    severity: message.fatal ? 'error' : 'warning',
    message: message.reason,
    line: message.line ?? null,
    column: message.column ?? null,
    subject: subject?.label ?? lineLabel(version, message.line ?? 1)
  }
}

function keyed(version: Version, byLine: Array<Subject | undefined>): Map<string, VFileMessage[]> {
  const map = new Map<string, VFileMessage[]>()
  for (const message of version.file.messages) {
    const line = message.line ?? 1
    const subject = byLine[line] ?? {key: `line ${lineLabel(version, line)}`, label: '', paper: false}
    const under = spanText(version, message)
    const key = `${message.ruleId ?? ''}\u0000${subject.key}\u0000${subject.paper ? under.replace(/\[\d+\]/g, '[#]') : under}`
    const list = map.get(key)
    if (list) list.push(message)
    else map.set(key, [message])
  }
  return map
}

/** Line number → what is written there: a paper entry (all its lines) or a table row. Lines of neither are keyed by their text. */
function subjects(version: Version, paperKeys: string[], rows: Row[]): Array<Subject | undefined> {
  const byLine: Array<Subject | undefined> = []
  version.graph.papers.forEach((paper, i) => {
    const start = paper.position?.start.line
    const end = paper.position?.end.line ?? start
    if (start === undefined || end === undefined) return
    const label = `paper ${paper.number === undefined ? '' : `[${paper.number}] `}${shortTitle(paper.title)}`.trimEnd()
    for (let line = start; line <= end; line++) byLine[line] = {key: paperKeys[i]!, label, paper: true}
  })
  for (const row of rows) {
    if (row.line !== null) byLine[row.line] = {key: rowKey(row.kind, row.role, row.name), label: `${row.kind} ${row.name}`, paper: false}
  }
  return byLine
}

function lineLabel(version: Version, line: number): string {
  return (version.lines[line - 1] ?? '').trim()
}

/** The text a finding points at, when it points inside one line: `[9]`, `,`, a name. */
function spanText(version: Version, message: VFileMessage): string {
  const place = message.place
  if (!place || !('start' in place) || place.start.line !== place.end.line) return ''
  return (version.lines[place.start.line - 1] ?? '').slice(place.start.column - 1, place.end.column - 1)
}

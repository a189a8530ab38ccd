import type {VFileMessage} from 'vfile-message'

/** One line of the report: a message, or many alike folded into one. */
export interface Finding {
  fatal: boolean | null | undefined
  line: number | undefined
  column: number | undefined
  reason: string
  ruleId: string | undefined
  /** How many messages the line stands for. */
  count: number
}

export interface SummarizeOptions {
  /** List every message, folding none. */
  verbose?: boolean
}

/**
 * Warnings that come many at a time and each matter little, shown as one line once there are more than
 * `few`: an entry template's empty `- Summary:` and `- Label:` lines are unfilled, not mistakes, and a
 * list whose tables cite few papers has many uncited ones. Errors are never folded.
 */
const folded: Record<string, (count: number, lines: string) => string> = {
  'paper-field-empty': (count, lines) => `${count} \`Summary:\`/\`Label:\` placeholders are not filled in yet (${lines}); fill them in when you can, or delete them`,
  'paper-unreferenced': (count, lines) => `${count} papers are not cited in any table (${lines}); add their numbers or arXiv ids to the rows of the models, datasets and methods they use`
}
const few = 3
/** How many line numbers a folded line names. */
const named = 5

/** The messages as the report shows them, in their order; a folded line takes the place of its first message. */
export function summarize(messages: readonly VFileMessage[], {verbose = false}: SummarizeOptions = {}): Finding[] {
  const byRule = new Map<string, VFileMessage[]>()
  for (const message of messages) {
    if (message.fatal || !message.ruleId || !(message.ruleId in folded)) continue
    const list = byRule.get(message.ruleId)
    if (list) list.push(message)
    else byRule.set(message.ruleId, [message])
  }
  const fold = verbose ? new Map<string, VFileMessage[]>() : new Map([...byRule].filter(([, list]) => list.length > few))
  const findings: Finding[] = []
  for (const message of messages) {
    const group = message.ruleId ? fold.get(message.ruleId) : undefined
    if (!group) {
      findings.push({fatal: message.fatal, line: message.line, column: message.column, reason: message.reason, ruleId: message.ruleId, count: 1})
    } else if (group[0] === message) {
      const lines = group.slice(0, named).map((m) => m.line ?? 1).join(', ')
      const more = group.length > named ? ` and ${group.length - named} more; \`--verbose\` lists every one` : ''
      findings.push({fatal: false, line: message.line, column: message.column, reason: folded[message.ruleId!]!(group.length, `lines ${lines}${more}`), ruleId: message.ruleId, count: group.length})
    }
  }
  return findings
}

/** For the report's last line: how many warnings the folded lines stand for. */
export function foldedNote(findings: readonly Finding[]): string {
  const folds = findings.filter((finding) => finding.count > 1)
  if (folds.length === 0) return ''
  const count = folds.reduce((sum, finding) => sum + finding.count, 0)
  return ` (${count} of them in ${folds.length} summary line${folds.length === 1 ? '' : 's'}; --verbose lists each)`
}

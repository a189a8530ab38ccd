import type {VFile} from 'vfile'
import type {Rule, RuleContext} from './rule.ts'
import {source} from './rule.ts'
import {paperMissingLink} from './paper-missing-link.ts'
import {paperMissingTitle} from './paper-missing-title.ts'
import {referenceAmbiguous} from './reference-ambiguous.ts'
import {referenceMalformed} from './reference-malformed.ts'
import {referenceUnresolved} from './reference-unresolved.ts'
import {rowMissingName} from './row-missing-name.ts'
import {urlUnsafe} from './url-unsafe.ts'

/** Every rule, in the order their messages are most useful to read. */
export const rules: readonly Rule[] = [
  paperMissingTitle,
  paperMissingLink,
  urlUnsafe,
  rowMissingName,
  referenceMalformed,
  referenceUnresolved,
  referenceAmbiguous
]

/** Runs every rule, recording its findings as vfile messages: errors are `fatal: true`, warnings `fatal: false`. */
export function validate(context: RuleContext, only: readonly Rule[] = rules): void {
  for (const rule of only) {
    rule.check(context, (reason, place, {fix, related}) => {
      const message = context.file.message(`${reason}; ${fix}`, {place, ruleId: rule.id, source})
      message.fatal = rule.severity === 'error'
      message.note = fix
      if (related) message.cause = `related: line ${related.start.line}, column ${related.start.column}`
      return message
    })
  }
  sortMessages(context.file)
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}

function sortMessages(file: VFile): void {
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}

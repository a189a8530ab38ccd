import type {VFile} from 'vfile'
import type {Rule, RuleContext} from './rule.ts'
import {source} from './rule.ts'
import {contentsEntryUnmatched} from './contents-entry-unmatched.ts'
import {contentsHeadingMissing} from './contents-heading-missing.ts'
import {headingEmpty} from './heading-empty.ts'
import {linkArxivDuplicate} from './link-arxiv-duplicate.ts'
import {linkUnclosed} from './link-unclosed.ts'
import {linkEmpty} from './link-empty.ts'
import {nameSimilar} from './name-similar.ts'
import {paperDuplicate} from './paper-duplicate.ts'
import {paperFieldEmpty} from './paper-field-empty.ts'
import {paperFieldNested} from './paper-field-nested.ts'
import {paperFieldUnknown} from './paper-field-unknown.ts'
import {paperMissingLink} from './paper-missing-link.ts'
import {paperMissingTitle} from './paper-missing-title.ts'
import {paperNumberDuplicate} from './paper-number-duplicate.ts'
import {paperNumberSequence} from './paper-number-sequence.ts'
import {paperUnreferenced} from './paper-unreferenced.ts'
import {paperUnread} from './paper-unread.ts'
import {referenceAmbiguous} from './reference-ambiguous.ts'
import {referenceMalformed} from './reference-malformed.ts'
import {referenceStale} from './reference-stale.ts'
import {referenceUnresolved} from './reference-unresolved.ts'
import {rowDuplicateName} from './row-duplicate-name.ts'
import {rowMissingName} from './row-missing-name.ts'
import {trailingComma} from './trailing-comma.ts'
import {urlHttp} from './url-http.ts'
import {urlUnsafe} from './url-unsafe.ts'
import {textTooLong} from './text-too-long.ts'
import {textControlCharacter} from './text-control-character.ts'
import {coverageLow} from './coverage-low.ts'
import {coverageNone} from './coverage-none.ts'

/** Every rule: the errors first, then the warnings. Messages are sorted by place afterwards. */
export const rules: readonly Rule[] = [
  paperMissingTitle,
  paperMissingLink,
  linkUnclosed,
  coverageNone,
  paperNumberDuplicate,
  paperDuplicate,
  urlUnsafe,
  textTooLong,
  rowMissingName,
  rowDuplicateName,
  referenceMalformed,
  referenceUnresolved,
  referenceAmbiguous,
  nameSimilar,
  referenceStale,
  paperUnreferenced,
  paperUnread,
  coverageLow,
  contentsEntryUnmatched,
  contentsHeadingMissing,
  headingEmpty,
  paperFieldEmpty,
  paperFieldUnknown,
  paperFieldNested,
  trailingComma,
  textControlCharacter,
  paperNumberSequence,
  urlHttp,
  linkArxivDuplicate,
  linkEmpty
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

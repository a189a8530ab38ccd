import type {VFile} from 'vfile'
import {foldedNote, summarize, type SummarizeOptions} from './summarize.ts'

/**
 * Formats messages the way linters do, one per line, so terminals and editors can jump to them:
 *
 *     content/README.md:50:15  error  Reference [9] matches no paper; …  reference-unresolved
 *
 * followed by a summary line.
 */
export function formatMessages(files: VFile[], options: SummarizeOptions = {}): string {
  const lines: string[] = []
  let errors = 0
  let warnings = 0
  let note = ''
  for (const file of files) {
    // Many alike warnings (placeholders, uncited papers) are folded into one line unless `verbose`.
    const findings = summarize(file.messages, options)
    note ||= foldedNote(findings)
    for (const message of findings) {
      const severity = message.fatal ? 'error' : 'warning'
      if (message.fatal) errors++
      else warnings += message.count
      const place = `${file.path ?? '<input>'}:${message.line ?? 1}:${message.column ?? 1}`
      lines.push(printable(`${place}  ${severity}  ${message.reason}  ${message.ruleId ?? ''}`).trimEnd())
    }
  }
  if (errors + warnings === 0) return ''
  lines.push('', `${errors > 0 ? '✖' : '⚠'} ${count(errors, 'error')}, ${count(warnings, 'warning')}${note}`)
  return lines.join('\n')
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`
}

/**
 * Messages quote the README, which anyone can edit in a pull request: control characters (an escape
 * sequence could clear the CI log or recolour it) and bidi overrides (which reorder what a reader sees)
 * are shown as `\u{…}` escapes, and line breaks as spaces, so each message stays one honest line.
 * The GitHub Actions runner obeys `##[command]` anywhere in a line (`##[add-mask]`, `##[stop-commands]`
 * would hide or silence what follows) and `::command::` at its start, so the second `#` of `##[` and the
 * second `:` of `::` are escaped too, wherever they are.
 */
export function printable(text: string): string {
  return text
    .replace(/\r\n|[\r\n\t]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`)
    .replace(/##\[/g, '#\\u{23}[')
    .replace(/::/g, ':\\u{3a}')
}

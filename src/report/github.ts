import type {VFile} from 'vfile'
import {printable} from './terminal.ts'
import {escapeHtml} from '../util/html-escape.ts'

/** GitHub Actions workflow commands, so each message shows on the pull request's diff at its line. */
export function annotations(files: VFile[]): string[] {
  return files.flatMap((file) =>
    file.messages.map((message) => {
      const kind = message.fatal ? 'error' : 'warning'
      const props = [`file=${escapeProperty(printable(file.path ?? ''))}`, `line=${message.line ?? 1}`, `col=${message.column ?? 1}`]
      if (message.place && 'end' in message.place) props.push(`endLine=${message.place.end.line}`, `endColumn=${message.place.end.column}`)
      props.push(`title=${escapeProperty(message.ruleId ?? 'readme')}`)
      return `::${kind} ${props.join(',')}::${escapeData(printable(message.reason))}`
    })
  )
}

/**
 * The messages for `$GITHUB_STEP_SUMMARY`, which GitHub renders as markdown with HTML.
 *
 * The table is an HTML block, not a markdown table: markdown does not read inside an HTML block, so
 * README text in it needs only HTML escaping to stay text. In a markdown table it could not: a backtick
 * in a quoted name closes the code span around it, and even text escaped character by character is
 * autolinked (`www.…`, `https://…`, `a@b.c`) once it is decoded. The block ends only at a blank line,
 * and `printable` leaves no line break in the text.
 */
export function stepSummary(files: VFile[]): string {
  const rows = files.flatMap((file) =>
    file.messages.map((m) => {
      const where = printable(`${file.path}:${m.line ?? 1}:${m.column ?? 1}`)
      return `<tr><td>${m.fatal ? '❌ error' : '⚠️ warning'}</td><td><code>${escapeHtml(where)}</code></td><td>${escapeHtml(printable(m.reason))}</td><td><code>${escapeHtml(m.ruleId ?? '')}</code></td></tr>`
    })
  )
  const errors = files.reduce((n, f) => n + f.messages.filter((m) => m.fatal).length, 0)
  const warnings = files.reduce((n, f) => n + f.messages.filter((m) => !m.fatal).length, 0)
  const head = `## README check\n\n${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`
  if (rows.length === 0) return `${head}\nNo problems found.\n`
  return `${head}\n<table>\n<thead><tr><th>severity</th><th>where</th><th>message</th><th>rule</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>\n`
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

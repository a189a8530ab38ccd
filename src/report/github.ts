import type {VFile} from 'vfile'
import {printable} from './terminal.ts'

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

/** A markdown table of the messages for `$GITHUB_STEP_SUMMARY`. */
export function stepSummary(files: VFile[]): string {
  const rows = files.flatMap((file) => file.messages.map((m) => `| ${m.fatal ? '❌ error' : '⚠️ warning'} | \`${file.path}:${m.line ?? 1}:${m.column ?? 1}\` | ${cell(printable(m.reason))} | \`${m.ruleId ?? ''}\` |`))
  const errors = files.reduce((n, f) => n + f.messages.filter((m) => m.fatal).length, 0)
  const warnings = files.reduce((n, f) => n + f.messages.filter((m) => !m.fatal).length, 0)
  const head = `## README check\n\n${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`
  if (rows.length === 0) return `${head}\nNo problems found.\n`
  return `${head}\n| severity | where | message | rule |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

import type {VFile} from 'vfile'

/**
 * Formats messages the way linters do, one per line, so terminals and editors can jump to them:
 *
 *     content/README.md:50:15  error  Reference [9] matches no paper; …  reference-unresolved
 *
 * followed by a summary line.
 */
export function formatMessages(files: VFile[]): string {
  const lines: string[] = []
  let errors = 0
  let warnings = 0
  for (const file of files) {
    for (const message of file.messages) {
      const severity = message.fatal ? 'error' : 'warning'
      if (message.fatal) errors++
      else warnings++
      const place = `${file.path ?? '<input>'}:${message.line ?? 1}:${message.column ?? 1}`
      lines.push(`${place}  ${severity}  ${message.reason}  ${message.ruleId ?? ''}`.trimEnd())
    }
  }
  if (errors + warnings === 0) return ''
  lines.push('', `${errors > 0 ? '✖' : '⚠'} ${count(errors, 'error')}, ${count(warnings, 'warning')}`)
  return lines.join('\n')
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`
}

import type {VFile} from 'vfile'
import {escapeHtml as escape} from '../util/html-escape.ts'


/**
 * The dev server's list of problems, shown above the page while the README has any:
 * each with its file:line:column, severity, message and rule. Plain HTML, all text escaped.
 * While a rebuild runs, a note says that the page is the last build.
 */
export function banner(files: VFile[], {rebuilding = false}: {rebuilding?: boolean} = {}): string {
  // While a save is being rebuilt, the page is the last good one: say so, above anything else.
  const note = rebuilding ? '<p class="dev-rebuilding" role="status">Rebuilding after your edit… this page is the last build, and reloads when the new one is ready.</p>' : ''
  return note + problems(files)
}

function problems(files: VFile[]): string {
  const messages = files.flatMap((file) => file.messages.map((message) => ({file, message})))
  if (messages.length === 0) return ''
  const errors = messages.filter(({message}) => message.fatal).length
  const warnings = messages.length - errors
  const items = messages
    .map(({file, message}) => {
      const place = `${file.path ?? ''}:${message.line ?? 1}:${message.column ?? 1}`
      const severity = message.fatal ? 'error' : 'warning'
      return `<li class="dev-${severity}"><code>${escape(place)}</code> <strong>${severity}</strong> ${escape(message.reason)} <code>${escape(message.ruleId ?? '')}</code></li>`
    })
    .join('')
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
  if (errors > 0) {
    return `<section class="dev-problems has-errors" role="alert" aria-label="Problems in the README"><h2>${escape(summary)} — the page below shows what could be built</h2><ol>${items}</ol></section>`
  }
  // Warnings alone do not block a build: they stay folded into one line until asked for.
  return `<details class="dev-problems" aria-label="Warnings in the README"><summary><h2>${escape(summary)}</h2></summary><ol>${items}</ol></details>`
}

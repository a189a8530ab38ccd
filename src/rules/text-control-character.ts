import {location} from 'vfile-location'
import {unwantedIn} from '../util/clean-text.ts'
import type {Rule} from './rule.ts'
import {truncate} from '../util/text.ts'

/** Lines reported one by one; past this many, one message counts the rest. */
const maxLines = 50

/**
 * Control characters, noncharacters and lone surrogates are dropped where text enters the graph, so
 * no output carries them. They are invisible in a diff, and in a terminal an ESC sequence can rewrite
 * what a reviewer sees: each line that holds one is shown, with the characters as `\u{…}`.
 */
export const textControlCharacter: Rule = {
  id: 'text-control-character',
  severity: 'warning',
  description: 'A line holds control characters, noncharacters or lone surrogates, which the site drops.',
  check({file}, report) {
    const source = String(file.value)
    const place = location(source)
    const byLine = new Map<number, Array<{offset: number; code: number}>>()
    for (const found of unwantedIn(source)) {
      const line = place.toPoint(found.offset)!.line
      const list = byLine.get(line)
      if (list) list.push(found)
      else byLine.set(line, [found])
    }
    const at = (offset: number) => ({start: place.toPoint(offset)!, end: place.toPoint(offset + 1)!})
    let shown = 0
    for (const [line, found] of byLine) {
      if (++shown > maxLines) {
        report(`${byLine.size - maxLines} more lines hold such characters`, at(found[0]!.offset), {fix: 'delete them as well'})
        break
      }
      const start = place.toOffset({line, column: 1})!
      const end = place.toOffset({line: line + 1, column: 1}) ?? source.length
      const text = source.slice(start, end).trim()
      const codes = [...new Set(found.map(({code}) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`))]
      const them = found.length === 1 ? ['it', 'it is'] : ['them', 'they are']
      report(`\`${visible(truncate(text, 120))}\` holds ${codes.join(', ')}, which no page or file of the site carries`, at(found[0]!.offset), {
        fix: `delete ${them[0]}: ${them[1]} invisible in a diff, and a terminal may act on ${them[0]}`
      })
    }
  }
}

/** The line as text, with each such character written `\u{1b}`. */
function visible(text: string): string {
  let result = ''
  let last = 0
  for (const {offset, code} of unwantedIn(text)) {
    result += `${text.slice(last, offset)}\\u{${code.toString(16)}}`
    last = offset + String.fromCodePoint(code).length
  }
  return result + text.slice(last)
}

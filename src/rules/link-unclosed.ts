import type {Rule} from './rule.ts'
import {locator} from '../extract/place.ts'
import type {Position} from '../types.ts'
import {paperName} from './walk.ts'

/** `[Paper](` left as text: the parser read no link there, so the brackets or the parenthesis do not close. */
const brokenLink = /\[[^[\]\n]*\]\(/

export const linkUnclosed: Rule = {
  id: 'link-unclosed',
  severity: 'error',
  description: 'A link in a paper entry is not closed, so it shows as text and its venue or title runs into it.',
  check({file, raw}, report) {
    const at = locator(file)
    // Where the broken link starts in the source, from the start of the field's first line: the first
    // `[label](` whose URL does not run straight to a `)` (a closed link can have the same label).
    const place = (opening: string, position: Position | undefined): Position | undefined => {
      const start = position?.start.offset
      const end = position?.end.offset
      if (start === undefined || end === undefined) return position
      const lineStart = at.source.lastIndexOf('\n', start - 1) + 1
      for (let from = at.source.indexOf(opening, lineStart); from !== -1 && from < end; from = at.source.indexOf(opening, from + 1)) {
        const after = from + opening.length
        if (!/^[^\s()[\]]*\)/.test(at.source.slice(after, after + 2048))) return at.span(from, after)
      }
      return position
    }
    for (const paper of raw.papers) {
      const parts = [{text: paper.title, position: paper.titlePosition}, ...paper.fields.map((field) => ({text: field.text, position: field.position}))]
      for (const {text, position} of parts) {
        const match = brokenLink.exec(text)
        if (!match) continue
        report(`The link \`${match[0]}…\` in ${paperName(paper)} is not closed, so it shows as text`, place(match[0], position), {
          fix: 'close it: `[Paper](https://…)`, with the URL inside the parentheses and nothing but spaces, commas or the line end after the `)`'
        })
      }
    }
  }
}

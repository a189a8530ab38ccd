import {maxTextLength} from '../graph/clip.ts'
import type {Position} from '../types.ts'
import type {Rule} from './rule.ts'
import {rows} from './walk.ts'

export const textTooLong: Rule = {
  id: 'text-too-long',
  severity: 'error',
  description: `A title, venue, label, name, link text or heading is longer than the ${maxTextLength} characters the site shows.`,
  check({raw}, report) {
    // Only texts over the limit in UTF-16 units can be over it in code points: the rest are passed by
    // without building a list of every text of the README, which a dev server's save did each time.
    const measure = (what: string, text: string, place: Position | undefined) => {
      if (text.length <= maxTextLength) return
      const length = Array.from(text).length
      if (length <= maxTextLength) return
      report(`This ${what} is ${length} characters long, more than the ${maxTextLength} the site shows`, place, {
        fix: `shorten it to at most ${maxTextLength} characters (the site cuts it there)`
      })
    }
    for (const s of raw.sections) measure('heading', s.title, s.position)
    for (const p of raw.papers) {
      measure('paper title', p.title, p.titlePosition ?? p.position)
      measure('venue', p.venue, p.position)
      for (const label of p.labels) measure('label', label, p.position)
      for (const l of p.links) measure('link text', l.label, l.position)
    }
    for (const {row} of rows(raw)) measure('name', row.name, row.namePosition ?? row.position)
    for (const t of raw.tools) measure('tool name', t.name, t.position)
  }
}

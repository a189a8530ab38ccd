import {maxTextLength} from '../graph/clip.ts'
import type {Position} from '../types.ts'
import type {Rule} from './rule.ts'
import {rows} from './walk.ts'

export const textTooLong: Rule = {
  id: 'text-too-long',
  severity: 'error',
  description: `A title, venue, label, name, link text or heading is longer than the ${maxTextLength} characters the site shows.`,
  check({raw}, report) {
    const texts: Array<[what: string, text: string, place: Position | undefined]> = [
      ...raw.sections.map((s): [string, string, Position | undefined] => ['heading', s.title, s.position]),
      ...raw.papers.flatMap((p): Array<[string, string, Position | undefined]> => [
        ['paper title', p.title, p.titlePosition ?? p.position],
        ['venue', p.venue, p.position],
        ...p.labels.map((label): [string, string, Position | undefined] => ['label', label, p.position]),
        ...p.links.map((l): [string, string, Position | undefined] => ['link text', l.label, l.position])
      ]),
      ...[...rows(raw)].map(({row}): [string, string, Position | undefined] => ['name', row.name, row.namePosition ?? row.position]),
      ...raw.tools.map((t): [string, string, Position | undefined] => ['tool name', t.name, t.position])
    ]
    for (const [what, text, place] of texts) {
      // A text has no more code points than UTF-16 units: most are short enough without counting them.
      if (text.length <= maxTextLength) continue
      const length = Array.from(text).length
      if (length <= maxTextLength) continue
      report(`This ${what} is ${length} characters long, more than the ${maxTextLength} the site shows`, place, {
        fix: `shorten it to at most ${maxTextLength} characters (the site cuts it there)`
      })
    }
  }
}

import type {Locator} from './place.ts'
import type {Position, RawField, RawPaper, RawUnclosedLink} from '../types.ts'

// The places inside a paper entry that the rules point at, found here, where the source is at hand, so
// that no rule searches the source.

/** The paper with the place of each label and of each link left unclosed. */
export function placed(paper: Omit<RawPaper, 'labelPositions' | 'unclosedLinks'>, at: Locator): RawPaper {
  const labelFields = paper.fields.filter((field) => field.kind === 'labels')
  return {...paper, labelPositions: paper.labels.map((label) => labelPlace(label, labelFields, at)), unclosedLinks: unclosedLinks(paper, at)}
}

/** The label's first occurrence in a `Label:` sub-bullet, else the first such sub-bullet. */
function labelPlace(label: string, fields: RawField[], at: Locator): Position | undefined {
  for (const field of fields) {
    const start = field.position?.start.offset
    const end = field.position?.end.offset
    if (start === undefined || end === undefined) continue
    // Searched within the field (a match may run past its end, as before): a label the field does not
    // spell as it is read would otherwise send indexOf through the rest of the README, once per paper.
    const within = at.source.slice(start, end + label.length - 1).indexOf(label)
    const found = within === -1 ? -1 : start + within
    if (found !== -1) return at.span(found, found + label.length)
  }
  return fields[0]?.position
}

/** `[Paper](` left as text: the parser read no link there, so the brackets or the parenthesis do not close. */
const brokenLink = /\[[^[\]\n]*\]\(/

/** Each `[label](` of the title and the sub-bullets that the parser left as text, in the entry's order. */
function unclosedLinks(paper: Pick<RawPaper, 'title' | 'titlePosition' | 'fields'>, at: Locator): RawUnclosedLink[] {
  const parts = [{text: paper.title, position: paper.titlePosition}, ...paper.fields.map((field) => ({text: field.text, position: field.position}))]
  return parts.flatMap(({text, position}) => {
    const match = brokenLink.exec(text)
    return match ? [{text: match[0], position: openingPlace(match[0], position, at)}] : []
  })
}

/**
 * Where the broken link starts in the source, from the start of the part's first line: the first
 * `[label](` whose URL does not run straight to a `)` (a closed link can have the same label).
 */
function openingPlace(opening: string, position: Position | undefined, at: Locator): Position | undefined {
  const start = position?.start.offset
  const end = position?.end.offset
  if (start === undefined || end === undefined) return position
  // The part's line starts `column - 1` characters before it. (It was found by the last \n before it, which a
  // README with lone CR line endings does not have: it was searched from its first character, and another
  // entry's link was named.)
  const lineStart = start - ((position?.start.column ?? 1) - 1)
  for (let from = at.source.indexOf(opening, lineStart); from !== -1 && from < end; from = at.source.indexOf(opening, from + 1)) {
    const after = from + opening.length
    if (!/^[^\s()[\]]*\)/.test(at.source.slice(after, after + 2048))) return at.span(from, after)
  }
  return position
}

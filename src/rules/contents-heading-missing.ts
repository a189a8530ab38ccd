import type {RawContentsItem, RawSection} from '../types.ts'
import type {Rule} from './rule.ts'
import {namesHeading} from './walk.ts'
import {holdsNoPapers} from '../extract/section.ts'

export const contentsHeadingMissing: Rule = {
  id: 'contents-heading-missing',
  severity: 'warning',
  description: 'A heading the Contents should list is missing from it: every top-level section, and the subsections of a section whose Contents entry lists subsections.',
  check({raw}, report) {
    if (raw.contents.length === 0) return
    const byId = new Map(raw.sections.map((section) => [section.id, section]))
    // A Contents that names no heading of some level (no `###` at all) leaves that level out on purpose.
    const levels = new Set(raw.sections.filter((section) => raw.contents.some((item) => namesHeading(item, section))).map((section) => section.depth))
    for (const section of raw.sections) {
      if (section.kind === 'contents' || section.title === '' || section.position === undefined || !levels.has(section.depth)) continue
      // News, Citation, Star History: sections about the list, which a Contents often leaves out.
      if (holdsNoPapers(section.title) || raw.contents.some((item) => namesHeading(item, section))) continue
      const parent = section.parent ? byId.get(section.parent) : undefined
      if (parent && !listsChildren(raw.contents, parent)) continue
      const under = parent ? `, nested under "${parent.title}"` : ''
      report(`The heading "${section.title}" is missing from the Contents`, section.position, {
        fix: `add \`- ${section.title}\` to the Contents${under}`
      })
    }
  }
}

/** Does the Contents go into this section's subsections? */
function listsChildren(items: RawContentsItem[], section: RawSection): boolean {
  const at = items.findIndex((item) => namesHeading(item, section))
  const next = items[at + 1]
  return at !== -1 && next !== undefined && next.depth > items[at]!.depth
}

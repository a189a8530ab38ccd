import type {Rule} from './rule.ts'
import {namesHeading} from './walk.ts'

export const contentsEntryUnmatched: Rule = {
  id: 'contents-entry-unmatched',
  severity: 'warning',
  description: 'An entry of the Contents names no heading of the README.',
  check({raw}, report) {
    const headings = raw.sections.filter((section) => section.kind !== 'contents' && section.title !== '')
    for (const item of raw.contents) {
      if (item.title === '' || headings.some((section) => namesHeading(item, section))) continue
      // A top-level entry names a section (`## Papers`); a nested one, a subsection (`### Survey`).
      const heading = item.depth <= 1 ? `\`## ${item.title}\`` : `\`${'#'.repeat(item.depth + 1)} ${item.title}\` under its section`
      report(`The Contents lists "${item.title}", but no heading is called that`, item.position, {
        fix: `add the heading (e.g. ${heading}), or correct or delete the Contents entry`
      })
    }
  }
}

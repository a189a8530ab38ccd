import {toString} from 'mdast-util-to-string'
import type {ListItem, RootContent} from 'mdast'
import type {Rule} from './rule.ts'
import {brokenNumber} from '../extract/paper-entry.ts'
import type {RawSection} from '../types.ts'

/** `[12] Title` or `[] Title`, as a paper entry opens. */
const entry = /^\[\s*\d*\s*\]\s*\S/
/** `[2024] Added ten papers.`: a dated note, not an entry. */
const year = /^\[\s*(19|20)\d\d\s*\]/

export const paperUnread: Rule = {
  id: 'paper-unread',
  severity: 'warning',
  description: 'A list item or table row looks like a paper entry, or links to a paper, but is not read as one: its number lost a bracket, it sits outside the Papers section, or no title could be read from it.',
  check({raw}, report) {
    const sections = new Map(raw.sections.map((section) => [section.id, section]))
    const reported = new Set<number | undefined>()
    for (const block of raw.prose) {
      const section = block.section === undefined ? undefined : sections.get(block.section)
      for (const item of listItems(block.nodes)) {
        const first = item.children[0]
        // Task items (`- [ ] …`, `- [x] …`) are the parser's own: not entries that went astray.
        if (first?.type !== 'paragraph' || item.checked !== null && item.checked !== undefined) continue
        const text = toString(first).trimStart()
        const opening = text.split(/\r?\n/)[0]!.slice(0, 60)
        const broken = brokenNumber.exec(text)
        if (broken) {
          const number = /\d+/.exec(broken[1]!)![0]
          const title = text.slice(broken[1]!.length).trim().split(/\r?\n/)[0]!.slice(0, 40)
          reported.add(first.position?.start.offset)
          report(`\`${opening}\` looks like a paper entry, but its number is missing a bracket, so it is not read as a paper`, first.position, {
            fix: `write the number in brackets: \`- [${number}] ${title}\``
          })
        } else if (entry.test(text) && !year.test(text) && section?.kind !== 'papers') {
          reported.add(first.position?.start.offset)
          report(`\`${opening}\` looks like a paper entry, but it is ${where(section)}, which the site does not read as papers`, first.position, {
            fix: section
              ? `make that section a subsection of Papers (\`${'#'.repeat(Math.max(3, section.depth))} ${section.title}\` under \`## Papers\`), or move the entry there`
              : 'move the entry into the Papers section'
          })
        }
      }
    }
    // Any other list item or table row that links to a paper and was not read.
    for (const place of raw.reading.unread) {
      if (place.kind === 'line' || reported.has(place.position?.start.offset)) continue
      const what = place.kind === 'item' ? 'list item' : 'table row'
      report(`This ${what} links to a paper but is not read as one: ${place.reason} (\`${place.text.slice(0, 60)}\`)`, place.position, {
        fix: place.kind === 'item'
          ? 'start the item with the paper\'s title, e.g. `- Title of the paper, ICML 2024, [Paper](https://arxiv.org/abs/…)`'
          : 'put the paper\'s title in the table\'s Title (or Paper, or Name) column'
      })
    }
  }
}

function where(section: RawSection | undefined): string {
  return section ? `under \`${'#'.repeat(section.depth)} ${section.title}\`` : 'before the first section'
}

/** The items of the lists among these nodes (not of lists nested in items: those are sub-bullets). */
function* listItems(nodes: RootContent[]): Generator<ListItem> {
  for (const node of nodes) if (node.type === 'list') yield* node.children
}

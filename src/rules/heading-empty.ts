import type {Rule} from './rule.ts'

export const headingEmpty: Rule = {
  id: 'heading-empty',
  severity: 'warning',
  description: 'A heading has no text.',
  check({raw}, report) {
    for (const section of raw.sections) {
      if (section.title !== '') continue
      report(`This level-${section.depth} heading is empty`, section.position, {
        fix: `write the section's name after the \`${'#'.repeat(section.depth)}\`, or delete the line (what follows it shows on the site under "Also in the list")`
      })
    }
  }
}

import type {Rule} from './rule.ts'
import {paperName} from './walk.ts'

export const linkEmpty: Rule = {
  id: 'link-empty',
  severity: 'warning',
  description: 'A paper has a usable link and an empty one, such as a `[Code]()` placeholder, which the site leaves out.',
  check({raw}, report) {
    for (const paper of raw.papers) {
      // With no usable link at all, paper-missing-link reports the entry as an error.
      if (!paper.links.some((link) => link.href.trim() !== '')) continue
      for (const link of paper.links) {
        if (link.href.trim() !== '') continue
        report(`The link \`[${link.label}]()\` of ${paperName(paper)} is empty, so the site leaves it out`, link.position, {
          fix: `put its URL in the parentheses, \`[${link.label}](https://…)\`, or delete it until there is one`
        })
      }
    }
  }
}

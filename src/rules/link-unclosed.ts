import type {Rule} from './rule.ts'
import {paperName} from './walk.ts'

export const linkUnclosed: Rule = {
  id: 'link-unclosed',
  severity: 'error',
  description: 'A link in a paper entry is not closed, so it shows as text and its venue or title runs into it.',
  check({raw}, report) {
    for (const paper of raw.papers) {
      for (const link of paper.unclosedLinks) {
        report(`The link \`${link.text}…\` in ${paperName(paper)} is not closed, so it shows as text`, link.position, {
          fix: 'close it: `[Paper](https://…)`, with the URL inside the parentheses and nothing but spaces, commas or the line end after the `)`'
        })
      }
    }
  }
}

import type {Rule} from './rule.ts'

export const paperMissingTitle: Rule = {
  id: 'paper-missing-title',
  severity: 'error',
  description: 'A paper entry has a number but no title.',
  check({raw}, report) {
    for (const paper of raw.papers) {
      if (paper.title !== '') continue
      const label = paper.number === undefined ? '`[]`' : `[${paper.number}]`
      report(`Paper ${label} has no title`, paper.numberPosition ?? paper.position, {
        fix: `write the title after the number on the same line, e.g. \`- ${label} Title of the paper\``
      })
    }
  }
}

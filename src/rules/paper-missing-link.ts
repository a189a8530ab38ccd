import type {Rule} from './rule.ts'

export const paperMissingLink: Rule = {
  id: 'paper-missing-link',
  severity: 'error',
  description: 'A paper entry has no usable link (none, or only placeholders such as `[Paper]()`).',
  check({raw}, report) {
    for (const paper of raw.papers) {
      // A link that is there but unsafe or malformed is url-unsafe's to report.
      if (paper.links.some((link) => link.href.trim() !== '')) continue
      const label = paper.number === undefined ? 'An unnumbered paper' : `Paper [${paper.number}]`
      const empty = paper.links.find((link) => link.href.trim() === '')
      report(`${label} ("${paper.title || 'untitled'}") has no usable link${empty ? `: \`[${empty.label}]()\` is empty` : ''}`, empty?.position ?? paper.titlePosition ?? paper.position, {
        fix: empty
          ? `put the URL in the empty link: \`[${empty.label}](https://…)\``
          : 'add a link after the venue, on the line below the title or in its `- Publication:` sub-bullet, e.g. `Arxiv, [Paper](https://arxiv.org/abs/2402.02834)`'
      })
    }
  }
}

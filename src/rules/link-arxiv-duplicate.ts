import {arxivId} from '../util/arxiv.ts'
import type {Rule} from './rule.ts'
import {paperName} from './walk.ts'

export const linkArxivDuplicate: Rule = {
  id: 'link-arxiv-duplicate',
  severity: 'warning',
  description: 'A paper links to both the abstract page and the PDF of the same arXiv paper.',
  check({raw}, report) {
    for (const paper of raw.papers) {
      const seen = new Map<string, string>()
      for (const link of paper.links) {
        const id = arxivId(link.href)
        if (!id) continue
        const kind = /\/pdf\//.test(link.href) ? 'pdf' : 'abs'
        const other = seen.get(id)
        if (other && other !== kind) {
          report(`${paperName(paper)} links to arXiv ${id} twice, as its abs page and as its pdf`, link.position, {
            fix: `keep one link, e.g. \`[Paper](https://arxiv.org/abs/${id})\`: the paper's page links the arXiv abstract anyway`
          })
        }
        seen.set(id, kind)
      }
    }
  }
}

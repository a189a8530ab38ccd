import {isSafeUrl} from '../url.ts'
import type {Link, Position} from '../types.ts'
import type {Rule} from './rule.ts'

export const urlUnsafe: Rule = {
  id: 'url-unsafe',
  severity: 'error',
  description: 'A link uses a scheme other than http, https or mailto (javascript:, data:, …), or is not a valid absolute URL.',
  check({raw}, report) {
    const links: Array<Pick<Link, 'label' | 'href'> & {position: Position | undefined}> = [
      ...raw.papers.flatMap((paper) => paper.links),
      ...raw.tools.map((tool) => ({label: tool.name, href: tool.href, position: tool.position}))
    ]
    for (const link of links) {
      if (link.href.trim() === '' || isSafeUrl(link.href)) continue
      const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(link.href.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase()
      const reason = scheme && !['http', 'https', 'mailto'].includes(scheme)
        ? `Link \`${link.label}\` uses the unsafe scheme \`${scheme}:\``
        : `Link \`${link.label}\` has a malformed URL \`${truncate(link.href)}\``
      report(reason, link.position, {fix: 'link to an absolute http(s) URL, e.g. `https://arxiv.org/abs/2402.02834`'})
    }
  }
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

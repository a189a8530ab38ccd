import {allowedSchemes, isSafeUrl} from '../util/url.ts'
import type {Rule} from './rule.ts'
import {links} from './walk.ts'
import {truncate} from '../util/text.ts'

export const urlUnsafe: Rule = {
  id: 'url-unsafe',
  severity: 'error',
  description: 'A link uses a scheme other than http, https or mailto (javascript:, data:, vbscript:, …), or a paper or tool link is not a valid absolute URL.',
  check({raw}, report) {
    for (const link of links(raw)) {
      if (link.href.trim() === '' || isSafeUrl(link.href)) continue
      const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(link.href.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase()
      const unsafe = scheme !== undefined && !allowedSchemes.includes(scheme)
      // In prose, a relative link such as `CONTRIBUTING.md` is the README's own business; only a dangerous scheme is an error.
      const prose = link.paper === undefined && !raw.tools.some((tool) => tool.position === link.position)
      if (prose && !unsafe) continue
      const reason = unsafe
        ? `Link \`${link.label}\` uses the unsafe scheme \`${scheme}:\``
        : `Link \`${link.label}\` has a malformed URL \`${truncate(link.href, 60, 57)}\``
      report(reason, link.position, {fix: 'link to an absolute http(s) URL, e.g. `https://arxiv.org/abs/2402.02834`'})
    }
  }
}

import type {Rule} from './rule.ts'
import {links} from './walk.ts'

export const urlHttp: Rule = {
  id: 'url-http',
  severity: 'warning',
  description: 'A link uses http:// where https:// would keep readers safe.',
  check({raw}, report) {
    for (const link of links(raw)) {
      if (!/^\s*http:\/\//i.test(link.href)) continue
      report(`Link \`${link.label}\` uses http://`, link.position, {
        fix: `link to \`${link.href.trim().replace(/^http:/i, 'https:')}\` instead, if the site serves https`
      })
    }
  }
}

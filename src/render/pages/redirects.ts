import {pagePath} from '../paths.ts'
import type {PageType} from '../route.ts'
import {renamedKinds, type Graph} from '../../types.ts'

const what = {paper: 'paper', model: 'model', dataset: 'dataset', method: 'fine-tuning method', label: 'label', venue: 'venue'} as const

/**
 * The old address of every page whose id changed in the list's history (a typo fixed in a model's
 * name, a paper's new title): a page that sends the reader on at once, names the new page as
 * canonical, shows the link for anyone whose browser does not follow, and stays out of search engines
 * and the sitemap.
 */
export const redirects: PageType = (graph) =>
  renamedKinds.flatMap((kind) =>
    [...(graph.renames?.[kind] ?? [])].flatMap(([old, id]) => {
      const name = nameOf(graph, kind, id)
      if (name === undefined) return []
      return [{
        page: pagePath(kind, old),
        template: 'pages/redirect',
        title: name,
        description: `This ${what[kind]} has moved to a new address.`,
        nav: undefined,
        noindex: true,
        redirectTo: pagePath(kind, id),
        data: () => ({name, kind: what[kind], href: pagePath(kind, id)})
      }]
    })
  )

function nameOf(graph: Graph, kind: (typeof renamedKinds)[number], id: string): string | undefined {
  if (kind === 'paper') return graph.paper.get(id)?.title || undefined
  return graph[kind].get(id)?.name || undefined
}

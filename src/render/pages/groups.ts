import {groupChip, paperCards} from '../card.ts'
import {byText, plural} from '../format.ts'
import {folder, pagePath} from '../paths.ts'
import {paperList} from './paper-list.ts'
import type {Graph, Group, GroupKind} from '../../types.ts'
import type {PageType, Route} from '../route.ts'

interface Kind {
  kind: GroupKind
  /** The index page's title, and what one value is called. */
  title: string
  one: string
  list: (graph: Graph) => Group[]
  /** The description of one value's page. */
  describe: (name: string, count: number) => string
  /** Years keep their order (newest first); labels and venues are listed alphabetically. */
  sorted: boolean
}

const kinds: Kind[] = [
  {kind: 'label', title: 'Labels', one: 'Label', list: (g) => g.labels, sorted: true, describe: (name, n) => `${plural(n, 'paper')} labelled ${name}.`},
  {kind: 'venue', title: 'Venues', one: 'Venue', list: (g) => g.venues, sorted: true, describe: (name, n) => `${plural(n, 'paper')} published at ${name}.`},
  {kind: 'year', title: 'Years', one: 'Year', list: (g) => g.years, sorted: false, describe: (name, n) => `${plural(n, 'paper')} from ${name}.`}
]

/** Labels, venues and years: an index page of each, and one page per value listing its papers. */
export const groups: PageType = (graph) => kinds.flatMap((kind) => pages(graph, kind))

function pages(graph: Graph, {kind, title, one, list, describe, sorted}: Kind): Route[] {
  const all = list(graph)
  if (all.length === 0) return []
  const entries = all.map((group) => ({...groupChip(graph, kind, group.id), count: group.papers.length, papers: plural(group.papers.length, 'paper')}))
  const index: Route = {
    page: `${folder[kind]}/`,
    template: 'pages/groups',
    title,
    description: `The papers of the list by ${one.toLowerCase()}.`,
    nav: 'papers',
    data: () => ({entries: sorted ? entries.sort(byText((entry) => entry.name)) : entries})
  }
  return [
    index,
    ...all.map((group) => ({
      page: pagePath(kind, group.id),
      template: 'pages/group',
      title: group.name,
      description: describe(group.name, group.papers.length),
      nav: 'papers' as const,
      data: () => ({eyebrow: one, index: {name: title, href: `${folder[kind]}/`}, list: paperList(paperCards(graph, group.papers))})
    }))
  ]
}

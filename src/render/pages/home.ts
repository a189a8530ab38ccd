import {chip, groupChip, paperCard, sectionAnchor, type Chip} from '../card.ts'
import {noun, plural, roleLabel} from '../format.ts'
import {paperList} from './paper-list.ts'
import {proseToHtml} from '../markdown.ts'
import {compactRows, summariesFile} from '../summaries.ts'
import {datasetRoles, renamedKinds, type Dataset, type Graph, type Group, type GroupKind, type Id, type Method, type Model, type RenamedKind} from '../../types.ts'
import type {PageType} from '../route.ts'
import {monthChart} from '../chart.ts'
import {isNew} from '../../graph/added.ts'

export interface FacetValue extends Chip {
  count: number
  /** "paper" or "papers", after the count for screen readers. */
  noun: string
  /** The value's former ids, space-separated, so a filter link shared before a rename still selects it. */
  was?: string
}

export interface Facet {
  key: 'model' | 'dataset' | 'method' | 'section' | GroupKind
  legend: string
  groups: Array<{label: string | undefined; values: FacetValue[]}>
  /** One value only: ticking it would change nothing, so the facet is not shown (the filter still reads it from a URL). */
  single: boolean
}

/** The home page: the intro, counts, the facets and every paper, then the prose the graph does not model. */
export const home: PageType = (graph) => [
  {
    page: '',
    template: 'pages/home',
    large: true,
    title: graph.title,
    // The list's own words where it has a title; no topic is assumed, since any list can be built.
    description: `${plural(graph.papers.length, 'paper')} listed in ${graph.title || 'this list'}, cross-linked with the models, datasets and fine-tuning methods they use.`,
    nav: 'papers',
    // The list tools and the filter, as one file (src/client/home.ts).
    scripts: ['home'],
    // Everything above the list, drawn at once: the notice is the last element before the list (templates/pages/home.eta).
    paintsWith: 'filter-notice',
    data: () => ({
      intro: proseToHtml(graph.intro),
      // What the search box reads: authors only where the metadata cache gave the cards some.
      searchLabel: `Search by title, ${graph.papers.some((paper) => graph.meta.get(paper.id)?.authors.length) ? 'author, ' : ''}model, dataset`,
      counts: [
        {label: plural(graph.papers.length, 'paper'), href: '#papers'},
        {label: plural(graph.models.length, 'model'), href: 'models/'},
        {label: plural(graph.datasets.length, 'dataset'), href: 'datasets/'},
        {label: plural(graph.methods.length, 'fine-tuning method'), href: 'methods/'},
        {label: plural(graph.tools.length, 'tool'), href: 'tools/'},
        ...(graph.labels.length > 0 ? [{label: plural(graph.labels.length, 'label'), href: 'labels/'}] : []),
        ...(graph.venues.length > 0 ? [{label: plural(graph.venues.length, 'venue'), href: 'venues/'}] : []),
        {label: newLabel(graph.papers.filter((paper) => isNew(graph, paper)).length), href: 'new/'}
      ],
      chart: monthChart(graph),
      facets: facets(graph),
      offerNumberSort: !listIsByNumber(graph),
      summaries: summariesFile(graph),
      list: paperList(
        graph.papers.map((paper, n) => {
          const card = paperCard(graph, paper)
          return graph.papers[n - 1]?.section === paper.section ? card : {...card, anchor: sectionAnchor(paper.section)}
        }),
        compactRows(graph)
      ),
      prose: graph.prose
        .map((block) => {
          const section = block.section ? graph.section.get(block.section) : undefined
          return {title: section?.title || 'Also in the list', html: proseToHtml(block.nodes)}
        })
        .filter((block) => block.html.trim() !== '')
    })
  }
]

/**
 * With an ASCII apostrophe: one character above U+00FF makes V8 hold the whole page two bytes per character,
 * so a list whose README is Latin-1 (the seed, the bench's lists) gets a one-byte home page only if the
 * site's own words on it are Latin-1 too. At 1,000 papers the page is 2.5 MB: flattening and encoding it
 * took 8 to 10 ms less on each dev save, most of it for the fresh memory a two-byte copy needs.
 */
function newLabel(count: number): string {
  return count > 0 ? `${count} new` : "What's new"
}

function facets(graph: Graph): Facet[] {
  const was = formerIds(graph)
  const value = (kind: 'model' | 'dataset' | 'method', entity: Model | Dataset | Method): FacetValue => ({
    ...chip(graph, kind, entity.id),
    count: entity.papers.length,
    noun: noun(entity.papers.length, 'paper'),
    was: was[kind].get(entity.id)
  })
  const used = <T extends {papers: Id[]}>(list: T[]) => list.filter((entity) => entity.papers.length > 0)
  const datasets = used(graph.datasets)
  const group = (key: GroupKind, legend: string, list: Group[]): Omit<Facet, 'single'> => ({
    key,
    legend,
    groups: [{label: undefined, values: list.map((entry) => ({...groupChip(graph, key, entry.id), count: entry.papers.length, noun: noun(entry.papers.length, 'paper'), was: key === 'year' ? undefined : was[key].get(entry.id)}))}]
  })
  const result: Array<Omit<Facet, 'single'>> = [
    group('label', 'Label', graph.labels),
    {key: 'model', legend: 'Model', groups: [{label: undefined, values: used(graph.models).map((m) => value('model', m))}]},
    {
      key: 'dataset',
      legend: 'Dataset',
      groups: [
        ...datasetRoles.map((role) => ({
          label: roleLabel[role],
          values: datasets.filter((d) => d.roles.includes(role)).map((d) => value('dataset', d))
        })),
        {label: 'Other', values: datasets.filter((d) => d.roles.length === 0).map((d) => value('dataset', d))}
      ].filter((group) => group.values.length > 0)
    },
    {key: 'method', legend: 'Fine-tuning method', groups: [{label: undefined, values: used(graph.methods).map((m) => value('method', m))}]},
    {
      key: 'section',
      legend: 'Section',
      groups: [{
        label: undefined,
        values: graph.sections
          .filter((section) => section.papers.length > 0)
          .map((section) => ({id: section.id, name: section.title || 'Untitled section', href: `#${sectionAnchor(section.id)}`, count: section.papers.length, noun: noun(section.papers.length, 'paper')}))
      }]
    },
    group('venue', 'Venue', graph.venues),
    group('year', 'Year', graph.years)
  ]
  return result
    .filter((facet) => facet.groups.some((group) => group.values.length > 0))
    .map((facet) => ({...facet, single: new Set(facet.groups.flatMap((group) => group.values.map((value) => value.id))).size < 2}))
}

/** Per kind, today's id → its former ids, space-separated (`data-was`), from the list's history. */
function formerIds(graph: Graph): Record<RenamedKind, Map<Id, string>> {
  const result = {} as Record<RenamedKind, Map<Id, string>>
  for (const kind of renamedKinds) {
    const ids = new Map<Id, string>()
    for (const [old, id] of graph.renames?.[kind] ?? []) ids.set(id, ids.has(id) ? `${ids.get(id)} ${old}` : old)
    result[kind] = ids
  }
  return result
}

/** Whether the list's own order is already by number: then "By number" would sort it into the same order. */
function listIsByNumber(graph: Graph): boolean {
  const numbers = graph.papers.map((paper) => paper.number ?? Infinity)
  return numbers.every((number, n) => n === 0 || numbers[n - 1]! <= number)
}

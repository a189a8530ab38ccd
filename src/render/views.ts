import {byText, formatDate, plural, roleLabel} from './format.ts'
import {pagePath} from './paths.ts'
import {proseToHtml} from './markdown.ts'
import {datasetRoles, type Dataset, type Graph, type Id, type Method, type Model, type Paper} from '../types.ts'

/**
 * View data for the templates. Everything a template prints is prepared here, in TypeScript,
 * so the templates only loop and print: they never search the graph.
 * Hrefs are page paths relative to the site root; the layout's `url()` adds the base.
 */

export interface Chip {
  id: Id
  name: string
  href: string
}

export interface PaperCard {
  id: Id
  number: string
  title: string
  href: string
  venue: string
  date: string
  links: Array<{label: string; href: string}>
  models: Chip[]
  datasets: Chip[]
  methods: Chip[]
  section: Chip | undefined
  /** On the home page, the first paper of each section carries the section's anchor. */
  anchor: string | undefined
  /** Space-separated ids, read by the filter script. */
  filter: {model: string; dataset: string; method: string; section: string}
}

export interface FacetValue extends Chip {
  count: number
}

export interface Facet {
  key: 'model' | 'dataset' | 'method' | 'section'
  legend: string
  groups: Array<{label: string | undefined; values: FacetValue[]}>
}

export function chip(graph: Graph, kind: 'model' | 'dataset' | 'method', id: Id): Chip {
  const entity = graph[kind].get(id)
  return {id, name: entity?.name ?? id, href: pagePath(kind, id)}
}

export function paperCard(graph: Graph, paper: Paper): PaperCard {
  const section = graph.section.get(paper.section)
  return {
    id: paper.id,
    number: paper.number === undefined ? '' : `[${paper.number}]`,
    title: paper.title,
    href: pagePath('paper', paper.id),
    venue: paper.venue.text,
    date: formatDate(paper.date),
    links: paper.links.map(({label, href}) => ({label: label || 'Link', href})),
    models: paper.models.map((id) => chip(graph, 'model', id)),
    datasets: paper.datasets.map((id) => chip(graph, 'dataset', id)),
    methods: paper.methods.map((id) => chip(graph, 'method', id)),
    section: section ? {id: section.id, name: section.title, href: `#${sectionAnchor(section.id)}`} : undefined,
    anchor: undefined,
    filter: {
      model: paper.models.join(' '),
      dataset: paper.datasets.join(' '),
      method: paper.methods.join(' '),
      section: paper.section
    }
  }
}

export function sectionAnchor(id: Id): string {
  return `section-${id}`
}

function cards(graph: Graph, ids: Id[]): PaperCard[] {
  return ids.flatMap((id) => {
    const paper = graph.paper.get(id)
    return paper ? [paperCard(graph, paper)] : []
  })
}

// ---------------------------------------------------------------------------
// Home

export function homeView(graph: Graph) {
  const counts = [
    {label: plural(graph.papers.length, 'paper'), href: '#papers'},
    {label: plural(graph.models.length, 'model'), href: 'models/'},
    {label: plural(graph.datasets.length, 'dataset'), href: 'datasets/'},
    {label: plural(graph.methods.length, 'fine-tuning method'), href: 'methods/'},
    {label: plural(graph.tools.length, 'tool'), href: 'tools/'}
  ]
  return {
    intro: proseToHtml(graph.intro),
    counts,
    facets: facets(graph),
    papers: graph.papers.map((paper, n) => {
      const card = paperCard(graph, paper)
      if (graph.papers[n - 1]?.section !== paper.section) card.anchor = sectionAnchor(paper.section)
      return card
    }),
    prose: graph.prose.map((block) => {
      const section = block.section ? graph.section.get(block.section) : undefined
      return {title: section?.title || 'Also in the list', html: proseToHtml(block.nodes)}
    }).filter((block) => block.html.trim() !== '')
  }
}

function facets(graph: Graph): Facet[] {
  const value = (kind: 'model' | 'dataset' | 'method', entity: Model | Dataset | Method): FacetValue => ({
    ...chip(graph, kind, entity.id),
    count: entity.papers.length
  })
  const used = <T extends {papers: Id[]}>(list: T[]) => list.filter((entity) => entity.papers.length > 0)
  const result: Facet[] = [
    {key: 'model', legend: 'Model', groups: [{label: undefined, values: used(graph.models).map((m) => value('model', m))}]},
    {
      key: 'dataset',
      legend: 'Dataset',
      groups: [
        ...datasetRoles.map((role) => ({
          label: roleLabel[role],
          values: used(graph.datasets).filter((d) => d.roles.includes(role)).map((d) => value('dataset', d))
        })),
        {label: 'Other', values: used(graph.datasets).filter((d) => d.roles.length === 0).map((d) => value('dataset', d))}
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
          .map((section) => ({id: section.id, name: section.title, href: `#${sectionAnchor(section.id)}`, count: section.papers.length}))
      }]
    }
  ]
  return result.filter((facet) => facet.groups.some((group) => group.values.length > 0))
}

// ---------------------------------------------------------------------------
// Entity pages

export function paperView(graph: Graph, paper: Paper) {
  const section = graph.section.get(paper.section)
  return {
    card: paperCard(graph, paper),
    arxiv: paper.arxiv,
    /** Only a subsection is worth naming: every paper sits under Papers. */
    section: section?.parent !== undefined ? section.title : undefined,
    line: paper.position?.start.line
  }
}

export function modelView(graph: Graph, model: Model) {
  const siblings = graph.models.filter((other) => other.familyId === model.familyId && other.id !== model.id)
  return {
    model,
    papers: cards(graph, model.papers),
    siblings: siblings.map((other) => chip(graph, 'model', other.id))
  }
}

export function datasetView(graph: Graph, dataset: Dataset) {
  return {
    dataset,
    roles: dataset.roles.map((role) => roleLabel[role]),
    papers: cards(graph, dataset.papers)
  }
}

export function methodView(graph: Graph, method: Method) {
  return {method, papers: cards(graph, method.papers)}
}

// ---------------------------------------------------------------------------
// Index pages

export function modelsView(graph: Graph) {
  const families = new Map<Id, {name: string; models: Model[]}>()
  for (const model of graph.models) {
    const family = families.get(model.familyId)
    if (family) family.models.push(model)
    else families.set(model.familyId, {name: model.family, models: [model]})
  }
  return {
    families: [...families.entries()]
      .map(([id, family]) => ({
        id,
        name: family.name,
        models: family.models
          .sort((a, b) => (a.paramsBillions ?? Infinity) - (b.paramsBillions ?? Infinity) || byText<Model>((m) => m.name)(a, b))
          .map((model) => ({...chip(graph, 'model', model.id), params: model.params ?? '', count: model.papers.length}))
      }))
      .sort(byText((family) => family.name))
  }
}

export function datasetsView(graph: Graph) {
  const entry = (dataset: Dataset) => ({...chip(graph, 'dataset', dataset.id), count: dataset.papers.length})
  const groups = datasetRoles.map((role) => ({
    id: role,
    label: roleLabel[role],
    datasets: graph.datasets.filter((d) => d.roles.includes(role)).map(entry)
  }))
  const other = graph.datasets.filter((d) => d.roles.length === 0).map(entry)
  if (other.length > 0) groups.push({id: 'other' as never, label: 'Other', datasets: other})
  return {groups: groups.filter((group) => group.datasets.length > 0)}
}

export function methodsView(graph: Graph) {
  return {methods: graph.methods.map((method) => ({...chip(graph, 'method', method.id), count: method.papers.length}))}
}

export function toolsView(graph: Graph) {
  return {tools: graph.tools.map((tool) => ({name: tool.name, href: tool.href, host: new URL(tool.href).hostname}))}
}

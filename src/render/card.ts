import {formatDate} from './format.ts'
import {pagePath} from './paths.ts'
import {publicationYear} from '../graph/groups.ts'
import {citationKeysOf} from '../cite/bibtex.ts'
import {addedOf, isNew} from '../graph/added.ts'
import type {Graph, GroupKind, Id, Paper} from '../types.ts'
import {numberLabel} from '../util/text.ts'

/**
 * View data shared by the page types. Everything a template prints is prepared in TypeScript,
 * so templates only loop and print: they never search the graph.
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
  labels: Chip[]
  /** The chips the card shows, by kind, at most `maxCardChips` of each; the paper's page shows them all. */
  chipGroups: ChipGroup[]
  summary: string | undefined
  /** The venue's page; the year the paper is grouped under, and its page. */
  venueHref: string | undefined
  year: string
  yearHref: string | undefined
  section: Chip | undefined
  /** On the home page, the first paper of each section carries the section's anchor. */
  anchor: string | undefined
  /** Facet key → space-separated value ids, written as `data-<key>` and read by the filter script. */
  filter: Record<string, string>
  /** Authors from the arXiv cache, comma-separated; empty when not cached. On the card, so the search finds them. */
  authors: string
  /** Added in the last days of the list's history. */
  isNew: boolean
  /** Sort keys and the BibTeX key, written as `data-*` on the home page and read by the list tools. */
  keys: {added: string; date: string; number: string; bib: string}
}

export interface ChipGroup {
  kind: 'label' | 'model' | 'dataset' | 'method'
  label: string
  chips: Chip[]
  /** Chips of this kind the card leaves out, for the paper's page. */
  more: number
}

/**
 * Chips of one kind on a card. Every page that lists a paper shows its card, so a paper cited by thousands
 * of rows would repeat them all on each of those pages: the output grew with the square of the rows.
 */
export const maxCardChips = 12

function chipGroups(groups: Array<[ChipGroup['kind'], string, Chip[]]>): ChipGroup[] {
  return groups.filter(([, , chips]) => chips.length > 0).map(([kind, label, chips]) => ({kind, label, chips: chips.slice(0, maxCardChips), more: Math.max(0, chips.length - maxCardChips)}))
}

export function chip(graph: Graph, kind: 'model' | 'dataset' | 'method', id: Id): Chip {
  const entity = graph[kind].get(id)
  return {id, name: entity?.name ?? id, href: pagePath(kind, id)}
}

/** A label, venue or year, linking to its page. */
export function groupChip(graph: Graph, kind: GroupKind, id: Id): Chip {
  const group = graph[kind].get(id)
  return {id, name: group?.name ?? id, href: pagePath(kind, id)}
}

export function sectionAnchor(id: Id): string {
  return `section-${id}`
}

/** Each graph's cards, made once per paper: a paper is on the home page and on the page of each of its models, datasets, labels, venue and year. */
const cards = new WeakMap<Graph, Map<Id, PaperCard>>()

/**
 * A paper's card. The same object for every page that lists the paper, so treat it as read-only (copy it
 * to change a field), and make the first card only once the graph is complete, metadata and history too.
 */
export function paperCard(graph: Graph, paper: Paper): PaperCard {
  let made = cards.get(graph)
  if (!made) cards.set(graph, (made = new Map()))
  let card = made.get(paper.id)
  if (!card) made.set(paper.id, (card = makeCard(graph, paper)))
  return card
}

function makeCard(graph: Graph, paper: Paper): PaperCard {
  const section = graph.section.get(paper.section)
  const year = publicationYear(paper)
  const models = paper.models.map((id) => chip(graph, 'model', id))
  const datasets = paper.datasets.map((id) => chip(graph, 'dataset', id))
  const methods = paper.methods.map((id) => chip(graph, 'method', id))
  const labels = paper.labels.map((id) => groupChip(graph, 'label', id))
  return {
    id: paper.id,
    number: numberLabel(paper.number),
    // A best-effort build (--allow-errors) can hold a paper with no title; a link needs a name.
    title: paper.title || 'Untitled paper',
    href: pagePath('paper', paper.id),
    venue: venueLabel(graph, paper),
    date: formatDate(paper.date),
    links: paper.links.map(({label, href}) => ({label: label || 'Link', href})),
    models,
    datasets,
    methods,
    labels,
    chipGroups: chipGroups([['label', 'Labels', labels], ['model', 'Models', models], ['dataset', 'Datasets', datasets], ['method', 'Fine-tuning', methods]]),
    summary: paper.summary,
    venueHref: paper.venueId ? pagePath('venue', paper.venueId) : undefined,
    year: year === undefined ? '' : String(year),
    yearHref: year === undefined ? undefined : pagePath('year', String(year)),
    section: section ? {id: section.id, name: section.title, href: `#${sectionAnchor(section.id)}`} : undefined,
    anchor: undefined,
    filter: {
      model: paper.models.join(' '),
      dataset: paper.datasets.join(' '),
      method: paper.methods.join(' '),
      section: [paper.section, ...(paper.alsoIn ?? [])].join(' '),
      label: paper.labels.join(' '),
      venue: paper.venueId ?? '',
      year: year === undefined ? '' : String(year)
    },
    authors: graph.meta.get(paper.id)?.authors.join(', ') ?? '',
    isNew: isNew(graph, paper),
    keys: {
      added: addedOf(graph, paper)?.date ?? '',
      date: paper.date ? `${paper.date.year}-${String(paper.date.month ?? 0).padStart(2, '0')}` : '',
      number: paper.number === undefined ? '' : String(paper.number),
      bib: citationKeysOf(graph).get(paper.id) ?? ''
    }
  }
}

/**
 * What a search for the paper should find, outside its card: what the home page's search reads from the
 * card (title, number, venue, date, authors, summary, and the names of its labels, models, datasets and
 * methods), for pages such as the matrix that show the paper in less room.
 */
export function searchText(card: PaperCard): string {
  const names = [card.labels, card.models, card.datasets, card.methods].flatMap((chips) => chips.map((chip) => chip.name))
  return [card.number, card.title, card.venue, card.date, card.authors, card.summary ?? '', ...names].filter(Boolean).join(' ')
}

/**
 * The venue as the site spells it everywhere: its group's name (the one the facets and its page show,
 * "arXiv" for "Arxiv"), then the year and the track the entry gave ("ICML23" → "ICML 2023").
 */
export function venueLabel(graph: Graph, paper: Paper): string {
  const name = (paper.venueId ? graph.venue.get(paper.venueId)?.name : undefined) ?? paper.venue.name
  return [name, paper.venue.year, paper.venue.track].filter(Boolean).join(' ') || paper.venue.text
}

/** Cards for a list of paper ids, in the order given (each made once per graph, by `paperCard`). */
export function paperCards(graph: Graph, ids: Id[]): PaperCard[] {
  return ids.flatMap((id) => {
    const paper = graph.paper.get(id)
    return paper ? [paperCard(graph, paper)] : []
  })
}

import {arxivDate, arxivId} from '../util/arxiv.ts'
import {parseVenue} from '../extract/venue.ts'
import {modelFamily} from './model-family.ts'
import {SlugRegistry, slugify} from '../util/slug.ts'
import {resolveReference} from './resolve.ts'
import {PaperIndex} from './paper-index.ts'
import {groupPapers} from './groups.ts'
import {foldListings} from './duplicates.ts'
import {noHistory, type Dataset, type Graph, type Id, type Method, type Model, type Paper, type RawList, type RawRef, type RawTable, type Section} from '../types.ts'
import {isSafeUrl} from '../util/url.ts'
import {clip} from './clip.ts'

/**
 * Turns the raw entries into the graph: every entity gets its id once, every table row
 * becomes edges in both directions, and everything is indexed by id for the pages.
 * Anything the rules reject (an unsafe link, a reference that resolves to nothing) is left out here,
 * so a best-effort build renders only what it understood.
 * `meant` maps references the list's history resolved (stale numbers) to the paper they meant.
 */
export function link(raw: RawList, meant?: ReadonlyMap<RawRef, Id>): Graph {
  const papers = linkPapers(raw)
  foldListings(papers, raw.papers)
  const index = new PaperIndex(papers)
  const groups = groupPapers(papers, raw.papers)
  const {models, datasets, methods} = linkTables(raw.tables, papers, index, meant)

  const sections: Section[] = raw.sections.map((section) => ({
    ...section,
    title: clip(section.title),
    papers: papers.filter((paper) => paper.section === section.id || paper.alsoIn?.includes(section.id)).map((paper) => paper.id)
  }))

  const toolIds = new SlugRegistry()
  const tools = raw.tools
    .filter((tool) => isSafeUrl(tool.href))
    .map((tool) => ({id: toolIds.claim([slugify(tool.name, 'tool')]), ...tool, name: clip(tool.name)}))

  return {
    title: clip(raw.title),
    intro: raw.intro,
    sections,
    papers,
    models,
    datasets,
    methods,
    tools,
    ...groups,
    prose: raw.prose,
    paper: byId(papers),
    model: byId(models),
    dataset: byId(datasets),
    method: byId(methods),
    section: byId(sections),
    label: byId(groups.labels),
    venue: byId(groups.venues),
    year: byId(groups.years),
    // Filled in by the build from the metadata cache and the git history, which link() does not read.
    meta: new Map(),
    history: noHistory()
  }
}

/** Each entry as a paper: its id, safe links, arXiv id, venue and date; its edges come from the tables. */
function linkPapers(raw: RawList): Paper[] {
  const paperIds = new SlugRegistry()
  return raw.papers.map((entry) => {
    const links = entry.links.filter((l) => isSafeUrl(l.href)).map((l) => ({...l, label: clip(l.label)}))
    const arxiv = links.map((l) => arxivId(l.href)).find((id) => id !== undefined)
    const venue = parseVenue(clip(entry.venue))
    return {
      id: paperIds.claim(paperSlugs(entry.title, arxiv, entry.number)),
      number: entry.number,
      title: clip(entry.title),
      venue,
      venueId: undefined,
      links,
      labels: [],
      summary: entry.summary,
      arxiv,
      date: (arxiv ? arxivDate(arxiv) : undefined) ?? (venue.year ? {year: venue.year, month: undefined} : undefined),
      section: entry.section,
      models: [],
      datasets: [],
      methods: [],
      position: entry.position
    }
  })
}

/**
 * Every table row becomes edges in both directions, between its model, dataset or method and each paper
 * its cell names. `meant` maps references the list's history resolved to the paper they meant.
 */
function linkTables(tables: RawTable[], papers: Paper[], index: PaperIndex, meant: ReadonlyMap<RawRef, Id> | undefined): {models: Model[]; datasets: Dataset[]; methods: Method[]} {
  const paperById = meant?.size ? byId(papers) : undefined
  const models = new Entities<Model>((name, id) => ({id, name, ...familyOf(name), papers: [], position: undefined}))
  const datasets = new Entities<Dataset>((name, id) => ({id, name, roles: [], papers: [], papersByRole: {}, position: undefined}))
  const methods = new Entities<Method>((name, id) => ({id, name, papers: [], position: undefined}))

  // Each paper–entity edge once, however many cells repeat it: the papers each entity (and each dataset in each
  // role) is linked to so far, as a Set, so that entities cited by every paper stay linear. One key per row,
  // not one string made for each reference: at 7,000 references that was a fifth of the linking.
  const linked = new Map<string, Set<Id>>()
  const papersLinked = (key: string): Set<Id> => {
    let ids = linked.get(key)
    if (!ids) linked.set(key, (ids = new Set()))
    return ids
  }
  for (const table of tables) {
    for (const row of table.rows) {
      if (row.name === '') continue
      const entity = (table.kind === 'models' ? models : table.kind === 'datasets' ? datasets : methods).get(row.name)
      entity.position ??= row.namePosition
      if (table.kind === 'datasets') addRole(entity as Dataset, table)
      const seen = papersLinked(`${table.kind}\u0000${entity.id}`)
      const role = table.kind === 'datasets' && table.role ? {name: table.role, seen: papersLinked(`role\u0000${table.role}\u0000${entity.id}`)} : undefined
      for (const ref of row.refs) {
        const paper = meant?.has(ref) ? paperById?.get(meant.get(ref)!) : resolveReference(ref, index)
        if (!paper) continue
        if (role && !role.seen.has(paper.id)) {
          role.seen.add(paper.id)
          ;((entity as Dataset).papersByRole[role.name] ??= []).push(paper.id)
        }
        if (seen.has(paper.id)) continue
        seen.add(paper.id)
        entity.papers.push(paper.id)
        paper[table.kind].push(entity.id)
      }
    }
  }

  // An entity's papers are listed in the list's own order.
  const order = new Map(papers.map((paper, n) => [paper.id, n]))
  const inOrder = (a: Id, b: Id) => (order.get(a) ?? 0) - (order.get(b) ?? 0)
  for (const entity of [...models.all, ...datasets.all, ...methods.all]) entity.papers.sort(inOrder)
  for (const dataset of datasets.all) for (const ids of Object.values(dataset.papersByRole)) ids.sort(inOrder)

  return {models: models.all, datasets: datasets.all, methods: methods.all}
}

function familyOf(name: string): Pick<Model, 'family' | 'familyId' | 'params' | 'paramsBillions'> {
  const {family, params, paramsBillions} = modelFamily(name)
  return {family, familyId: slugify(family, 'family'), params, paramsBillions}
}

/**
 * A paper's id is a short slug of its title: the part before a colon when there is one
 * ("ShortGPT: …" → `shortgpt`), so it survives renumbering. Longer forms break ties.
 */
function paperSlugs(title: string, arxiv: string | undefined, number: number | undefined): Id[] {
  const head = title.split(/:(?!\d)/)[0] ?? title
  const headSlug = slugify(head, 'paper')
  const candidates = [headSlug, slugify(title, 'paper', 80)]
  if (arxiv) candidates.push(`${headSlug}-${slugify(arxiv)}`)
  else if (number !== undefined) candidates.push(`${headSlug}-${number}`)
  return candidates.filter((id) => id.length >= 2)
}

/** Entities of one kind, keyed by name regardless of case and spacing, in order of first mention. */
class Entities<T extends {id: Id; name: string}> {
  readonly all: T[] = []
  readonly #byKey = new Map<string, T>()
  readonly #ids = new SlugRegistry()
  readonly #create: (name: string, id: Id) => T

  constructor(create: (name: string, id: Id) => T) {
    this.#create = create
  }

  get(name: string): T {
    const key = name.toLowerCase().replace(/\s+/g, ' ')
    let entity = this.#byKey.get(key)
    if (!entity) {
      entity = this.#create(clip(name), this.#ids.claim([slugify(name)]))
      this.#byKey.set(key, entity)
      this.all.push(entity)
    }
    return entity
  }
}

function addRole(dataset: Dataset, table: RawTable): void {
  if (table.role) pushOnce(dataset.roles, table.role)
}

function pushOnce<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value)
}

export function byId<T extends {id: Id}>(items: T[]): Map<Id, T> {
  return new Map(items.map((item) => [item.id, item]))
}

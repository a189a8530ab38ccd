import {paperCard, searchText} from '../card.ts'
import {byText, plural} from '../format.ts'
import {folder, pagePath} from '../paths.ts'
import type {PageType} from '../route.ts'
import type {Graph, Id, Paper} from '../../types.ts'
import {numberLabel, truncateAtWord} from '../../util/text.ts'
import {heat} from '../../client/heat.ts'

export {heatLevels} from '../../client/heat.ts'

export interface MatrixColumn {
  id: Id
  name: string
  href: string
  total: number
  heat: number
}

export interface MatrixRow {
  id: Id
  number: string
  name: string
  href: string
  /** Facet key → value ids, as on the home page's cards, so the home page's filters apply here too. */
  filter: Record<string, string>
  /** Title and authors, for the search term `q`. */
  text: string
  cells: boolean[]
  total: number
  heat: number
}

export interface MatrixTable {
  id: string
  kind: 'dataset' | 'model'
  title: string
  caption: string
  columns: MatrixColumn[]
  rows: MatrixRow[]
  /** Papers with nothing in this table, left out of it. */
  left: number
  /** Columns past `maxColumns`, the least used, left out. */
  more: number
  /** The sentence that says how many papers are left out, when some are. */
  leftOut: string | undefined
  /** The sentence that says how many columns are left out, and the link to all of them, when some are. */
  cut: {text: string; href: string; link: string} | undefined
}

/** Columns per table: enough for every benchmark a field reports, few enough to read (and to keep a 10,000-paper page in bounds). */
export const maxColumns = 40

/**
 * The benchmark matrix: papers × evaluation datasets, and papers × models. Columns are ordered by how
 * many papers use them (then by name), rows by the list's order; the page script can re-sort by totals
 * and narrow the rows with the home page's filters (`?model=…&dataset=…`).
 */
export const matrix: PageType = (graph) => {
  return [{
    page: 'matrix/',
    template: 'pages/matrix',
    large: true,
    title: 'Benchmark matrix',
    description: `Which evaluation benchmarks and models each of ${plural(graph.papers.length, 'pruning paper')} reports, with how many papers use each.`,
    nav: 'matrix',
    scripts: ['matrix'],
    data: () => {
      // Only what the evaluation tables cite: a paper that calibrates or fine-tunes on a dataset is not
      // evaluated on it, even when other papers use the same dataset as a benchmark.
      const evaluation = graph.datasets.flatMap((dataset) => {
        const papers = dataset.papersByRole.evaluation ?? []
        return dataset.roles.includes('evaluation') ? [{id: dataset.id, name: dataset.name, papers}] : []
      })
      const evaluatedOn = new Map<Id, Id[]>()
      for (const dataset of evaluation) {
        for (const paper of dataset.papers) evaluatedOn.set(paper, [...(evaluatedOn.get(paper) ?? []), dataset.id])
      }
      const tables = [
        table(graph, 'datasets', 'dataset', 'Evaluation benchmarks', evaluation, (paper) => evaluatedOn.get(paper.id) ?? []),
        table(graph, 'models', 'model', 'Models', graph.models, (paper) => paper.models)
      ]
      return {tables, popular: tables[0]!.columns.slice(0, 5).map((column) => `${column.name} (${column.total})`)}
    }
  }]
}

function table(graph: Graph, id: string, kind: 'dataset' | 'model', title: string, entities: Array<{id: Id; name: string; papers: Id[]}>, uses: (paper: Paper) => Id[]): MatrixTable {
  const used = entities.filter((entity) => entity.papers.length > 0)
  const maxColumn = Math.max(1, ...used.map((entity) => entity.papers.length))
  const columns: MatrixColumn[] = used
    .map((entity) => ({id: entity.id, name: entity.name, href: pagePath(kind, entity.id), total: entity.papers.length, heat: heat(entity.papers.length, maxColumn)}))
    .sort((a, b) => b.total - a.total || byText<MatrixColumn>((column) => column.name)(a, b))
    .slice(0, maxColumns)
  const columnIds = new Set(columns.map((column) => column.id))
  const papers = graph.papers.filter((paper) => uses(paper).some((entity) => columnIds.has(entity)))
  const totals = papers.map((paper) => uses(paper).filter((entity) => columnIds.has(entity)).length)
  const maxRow = Math.max(1, ...totals)
  const rows: MatrixRow[] = papers.map((paper, n) => {
    const mine = new Set(uses(paper))
    const card = paperCard(graph, paper)
    return {
      id: paper.id,
      number: numberLabel(paper.number),
      name: shortTitle(paper.title),
      href: `${folder.paper}/${paper.id}/`,
      filter: card.filter,
      // The home page's search, so that `?q=` shows the same papers here as there.
      text: searchText(card),
      cells: columns.map((column) => mine.has(column.id)),
      total: totals[n]!,
      heat: heat(totals[n]!, maxRow)
    }
  })
  const things = kind === 'dataset' ? 'benchmark' : 'model'
  return {
    id,
    kind,
    title,
    caption: `${title} by paper: ${plural(rows.length, 'paper')} × ${plural(columns.length, things)}. A filled cell links to the paper; columns are ordered by how many papers use them.`,
    columns,
    rows,
    left: graph.papers.length - rows.length,
    more: used.length - columns.length,
    leftOut: leftOutNote(graph.papers.length - rows.length, kind),
    cut: cutNote(used.length - columns.length, kind)
  }
}

function leftOutNote(left: number, kind: MatrixTable['kind']): string | undefined {
  if (left === 0) return undefined
  return `${left} ${left === 1 ? 'paper names' : 'papers name'} no ${kind === 'dataset' ? 'evaluation benchmark' : 'model'} here and ${left === 1 ? 'is' : 'are'} left out.`
}

function cutNote(more: number, kind: MatrixTable['kind']): MatrixTable['cut'] {
  if (more === 0) return undefined
  const [things, all] = kind === 'dataset' ? ['benchmarks', 'datasets'] : ['models', 'models']
  return {text: `The ${more} ${things} used least are left out to keep the table readable: see`, href: `${folder[kind]}/`, link: `all ${all}`}
}

/** "ShortGPT: Layers in …" → "ShortGPT"; a long title without a colon is cut at a word. */
export function shortTitle(title: string): string {
  return truncateAtWord((title.split(/:(?!\d)/)[0] ?? title).trim(), 48)
}

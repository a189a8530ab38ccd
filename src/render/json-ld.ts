import {addedDate, addedOf} from '../graph/added.ts'
import type {Dataset, Graph, Paper} from '../types.ts'
import {pagePath} from './paths.ts'
import {isoInstant} from '../util/iso-date.ts'
import {venueLabel} from './card.ts'

/**
 * JSON-LD for a `<script type="application/ld+json">` data block. A data block is never run, so the
 * CSP allows it; `<`, `>` and `&` are written as \u escapes so no text from the README can close the block.
 */
export function jsonLdText(data: Record<string, unknown>): string {
  return JSON.stringify({'@context': 'https://schema.org', ...data})
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** A page's absolute URL, when the build knows the site's. */
export type AbsoluteUrl = (page: string) => string | undefined

/** schema.org ScholarlyArticle for a paper page. */
export function scholarlyArticle(graph: Graph, paper: Paper, url: AbsoluteUrl): Record<string, unknown> {
  const meta = graph.meta.get(paper.id)
  const date = (meta && isoInstant(meta.published).slice(0, 10)) ?? (paper.date ? `${paper.date.year}${paper.date.month ? `-${String(paper.date.month).padStart(2, '0')}` : ''}` : undefined)
  const added = addedOf(graph, paper)
  const names = (ids: string[], kind: 'model' | 'dataset' | 'label') => ids.map((id) => graph[kind].get(id)?.name).filter((name) => name !== undefined)
  return compact({
    '@type': 'ScholarlyArticle',
    headline: paper.title,
    name: paper.title,
    author: meta?.authors.map((name) => ({'@type': 'Person', name})),
    abstract: meta?.abstract,
    datePublished: date,
    publication: paper.venue.text && !paper.venue.preprint ? {'@type': 'PublicationEvent', name: venueLabel(graph, paper)} : undefined,
    identifier: paper.arxiv ? {'@type': 'PropertyValue', propertyID: 'arXiv', value: paper.arxiv} : undefined,
    sameAs: paper.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : paper.links[0]?.href,
    url: url(pagePath('paper', paper.id)),
    keywords: [...names(paper.labels, 'label'), ...names(paper.models, 'model'), ...names(paper.datasets, 'dataset')].join(', ') || undefined,
    dateCreated: added && addedDate(added)
  })
}

/** schema.org Dataset for a dataset page. Google asks for a description of at least 50 characters. */
export function datasetLd(graph: Graph, dataset: Dataset, url: AbsoluteUrl): Record<string, unknown> {
  const roles = dataset.roles.length > 0 ? dataset.roles.join(', ') : 'research'
  return compact({
    '@type': 'Dataset',
    name: dataset.name,
    description: `${dataset.name} is used for ${roles} in ${dataset.papers.length} paper${dataset.papers.length === 1 ? '' : 's'} on pruning large language models listed in ${graph.title || 'this list'}.`,
    url: url(pagePath('dataset', dataset.id)),
    keywords: ['large language models', 'pruning', ...dataset.roles].join(', '),
    subjectOf: dataset.papers.flatMap((id) => {
      const paper = graph.paper.get(id)
      return paper ? [compact({'@type': 'ScholarlyArticle', name: paper.title, url: url(pagePath('paper', paper.id))})] : []
    })
  })
}

/** Drops the keys whose value is undefined or an empty list, which JSON-LD consumers flag. */
function compact(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)))
}

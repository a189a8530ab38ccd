import type {CompleteGraph, Graph, Paper, Position} from '../types.ts'
import {pagePath} from './paths.ts'
import {citationKeysOf} from '../cite/bibtex.ts'
import {addedDate, addedOf} from '../graph/added.ts'
import {isoInstant} from '../util/iso-date.ts'

/**
 * The public data API: `dist/graph.json`. Entities keep the list's order; every edge is listed on both ends.
 * `page` is the entity's page, relative to the site root. Documented in README.md.
 */
export function graphJson(graph: CompleteGraph): string {
  const line = (position: Position | undefined) => position?.start.line ?? null
  const data = {
    title: graph.title,
    sections: graph.sections
      .filter((section) => section.papers.length > 0)
      .map((section) => ({id: section.id, title: section.title, parent: section.parent ?? null, description: section.description ?? null, papers: section.papers})),
    papers: graph.papers.map((paper) => ({
      id: paper.id,
      number: paper.number ?? null,
      title: paper.title,
      page: pagePath('paper', paper.id),
      venue: paper.venue.text,
      venueId: paper.venueId ?? null,
      venueName: paper.venue.name,
      venueYear: paper.venue.year ?? null,
      track: paper.venue.track ?? null,
      preprint: paper.venue.preprint,
      labels: paper.labels,
      summary: paper.summary ?? null,
      section: paper.section,
      links: paper.links.map(({label, href}) => ({label, href})),
      arxiv: paper.arxiv ?? null,
      year: paper.date?.year ?? null,
      month: paper.date?.month ?? null,
      models: paper.models,
      datasets: paper.datasets,
      methods: paper.methods,
      line: line(paper.position),
      authors: graph.meta.get(paper.id)?.authors ?? [],
      published: published(graph, paper),
      added: added(graph, paper),
      addedFrom: addedOf(graph, paper)?.source ?? null,
      citationKey: citationKeysOf(graph).get(paper.id) ?? null
    })),
    models: graph.models.map((model) => ({
      id: model.id,
      name: model.name,
      page: pagePath('model', model.id),
      family: model.family,
      params: model.params ?? null,
      papers: model.papers
    })),
    datasets: graph.datasets.map((dataset) => ({
      id: dataset.id,
      name: dataset.name,
      page: pagePath('dataset', dataset.id),
      roles: dataset.roles,
      papers: dataset.papers,
      papersByRole: dataset.papersByRole
    })),
    methods: graph.methods.map((method) => ({
      id: method.id,
      name: method.name,
      page: pagePath('method', method.id),
      papers: method.papers
    })),
    tools: graph.tools.map((tool) => ({id: tool.id, name: tool.name, href: tool.href})),
    labels: graph.labels.map((label) => ({id: label.id, name: label.name, page: pagePath('label', label.id), papers: label.papers})),
    venues: graph.venues.map((venue) => ({id: venue.id, name: venue.name, page: pagePath('venue', venue.id), papers: venue.papers})),
    years: graph.years.map((year) => ({year: Number(year.id), page: pagePath('year', year.id), papers: year.papers}))
  }
  return `${JSON.stringify(data, null, 2)}\n`
}

function published(graph: Graph, paper: Paper): string | null {
  const meta = graph.meta.get(paper.id)
  return meta ? isoInstant(meta.published) : null
}

function added(graph: Graph, paper: Paper): string | null {
  const date = addedOf(graph, paper)
  return date ? addedDate(date) : null
}

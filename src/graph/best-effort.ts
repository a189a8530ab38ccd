import {duplicatePapers} from './duplicates.ts'
import {byId} from './link.ts'
import type {Graph, Group, Id, RawList} from '../types.ts'

/**
 * The graph a best-effort build renders: without the entries that errors name and that cannot be shown
 * as they are (a paper with no title, the second listing of a duplicate). `link` has already left out
 * unsafe links and references that resolve to nothing; the rules still see the whole graph.
 * When the README has no such error, the graph comes back as it is.
 */
export function bestEffort(graph: Graph, raw: RawList): Graph {
  const duplicates = new Set(duplicatePapers(raw.papers).map(({paper}) => paper))
  const omit = new Set<Id>()
  raw.papers.forEach((entry, n) => {
    const paper = graph.papers[n]
    if (paper && (entry.title === '' || duplicates.has(entry))) omit.add(paper.id)
  })
  if (omit.size === 0) return graph

  const keep = (ids: Id[]) => ids.filter((id) => !omit.has(id))
  const papers = graph.papers.filter((paper) => !omit.has(paper.id))
  const models = graph.models.map((model) => ({...model, papers: keep(model.papers)}))
  const datasets = graph.datasets.map((dataset) => ({
    ...dataset,
    papers: keep(dataset.papers),
    papersByRole: Object.fromEntries(Object.entries(dataset.papersByRole).map(([role, ids]) => [role, keep(ids)]))
  }))
  const methods = graph.methods.map((method) => ({...method, papers: keep(method.papers)}))
  const sections = graph.sections.map((section) => ({...section, papers: keep(section.papers)}))
  const groups = (list: Group[]) => list.map((group) => ({...group, papers: keep(group.papers)})).filter((group) => group.papers.length > 0)
  const labels = groups(graph.labels)
  const venues = groups(graph.venues)
  const years = groups(graph.years)
  return {
    ...graph,
    papers,
    models,
    datasets,
    methods,
    sections,
    labels,
    venues,
    years,
    paper: byId(papers),
    model: byId(models),
    dataset: byId(datasets),
    method: byId(methods),
    section: byId(sections),
    label: byId(labels),
    venue: byId(venues),
    year: byId(years)
  }
}

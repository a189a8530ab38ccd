interface Linked {
  papers: Array<{id: string; arxiv?: string | null | undefined}>
  models: Array<{name: string; papers: string[]}>
  datasets: Array<{name: string; papers: string[]}>
  methods: Array<{name: string; papers: string[]}>
}

/**
 * What the site links: each model, dataset and method by name → the papers it links to, each by its arXiv
 * id (or, without one, its id), sorted. Works on a Graph and on the parsed graph.json alike.
 */
export function linksOf(graph: Linked): Record<string, string[]> {
  const key = new Map(graph.papers.map((paper) => [paper.id, paper.arxiv ?? paper.id]))
  const links: Record<string, string[]> = {}
  for (const entity of [...graph.models, ...graph.datasets, ...graph.methods]) links[entity.name] = entity.papers.map((id) => key.get(id) ?? `? ${id}`).sort()
  return links
}

/** The same shape from a table of what each row meant. */
export function meantLinks(meant: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(meant).map(([name, papers]) => [name, [...papers].sort()]))
}

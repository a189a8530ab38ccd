import type {Graph, Id} from '../types.ts'

export interface Related {
  id: Id
  score: number
  /** What the two papers share, by kind, as names: for the reason shown beside the link. */
  shared: {models: string[]; datasets: string[]; labels: string[]}
}

/** How many related papers a paper page lists. */
export const relatedCount = 5

/**
 * The papers most like each one, by the models, datasets and labels they share. A shared value counts
 * for more the fewer papers have it (inverse document frequency): two papers that both report BoolQ,
 * which every paper does, are less alike than two that both prune Baichuan2-13B.
 * Computed for all papers at once through the entities' own paper lists, so the cost grows with the
 * edges of the graph rather than with the square of the number of papers.
 */
export function relatedPapers(graph: Graph): Map<Id, Related[]> {
  const papers = graph.papers
  const index = new Map(papers.map((paper, n) => [paper.id, n]))
  const total = papers.length
  const weight = (count: number) => Math.log(1 + total / count)
  const positions = (ids: Id[]) => ids.flatMap((id) => index.get(id) ?? [])

  // Every kind of shared value as (name, paper indexes).
  type Group = {kind: 'models' | 'datasets' | 'labels'; name: string; members: number[]}
  const groups: Group[] = []
  for (const model of graph.models) groups.push({kind: 'models', name: model.name, members: positions(model.papers)})
  for (const dataset of graph.datasets) groups.push({kind: 'datasets', name: dataset.name, members: positions(dataset.papers)})
  for (const label of graph.labels) groups.push({kind: 'labels', name: label.name, members: positions(label.papers)})

  const groupsOf: number[][] = papers.map(() => [])
  groups.forEach((group, g) => {
    for (const member of group.members) groupsOf[member]!.push(g)
  })

  const result = new Map<Id, Related[]>()
  const score = new Float64Array(total)
  const touched: number[] = []
  const before = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && a < b)
  papers.forEach((paper, self) => {
    for (const g of groupsOf[self]!) {
      const group = groups[g]!
      const w = weight(group.members.length)
      for (const other of group.members) {
        if (other === self) continue
        if (score[other] === 0) touched.push(other)
        score[other]! += w
      }
    }
    // Highest score first, ties in the list's order: a running top few, not a sort of every paper touched.
    const best: number[] = []
    for (const other of touched) {
      if (best.length === relatedCount && !before(other, best[relatedCount - 1]!)) continue
      let at = best.length < relatedCount ? best.length : relatedCount - 1
      while (at > 0 && before(other, best[at - 1]!)) at--
      best.splice(at, 0, other)
      if (best.length > relatedCount) best.pop()
    }
    result.set(paper.id, best.map((other) => ({id: papers[other]!.id, score: score[other]!, shared: shared(groups, groupsOf[self]!, groupsOf[other]!)})))
    for (const other of touched) score[other] = 0
    touched.length = 0
  })
  return result
}

/** The groups two papers are both in. Both lists are in group order, so one merge pass finds them. */
function shared(groups: Array<{kind: 'models' | 'datasets' | 'labels'; name: string}>, a: number[], b: number[]): Related['shared'] {
  const result: Related['shared'] = {models: [], datasets: [], labels: []}
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++
    else if (a[i]! > b[j]!) j++
    else {
      const group = groups[a[i]!]!
      result[group.kind].push(group.name)
      i++
      j++
    }
  }
  return result
}

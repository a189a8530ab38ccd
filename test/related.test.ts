import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {relatedCount, relatedPapers, type Related} from '../src/graph/related.ts'
import type {Graph} from '../src/types.ts'

/**
 * Related papers straight from their definition: for every other paper, the summed weight of the models,
 * datasets and labels both use (added in group order), most alike first, ties in the list's order.
 * Quadratic, and plainly right: the reference the fast version must equal.
 */
function naive(graph: Graph): Map<string, Related[]> {
  const papers = graph.papers
  const groups = [
    ...graph.models.map((entity) => ({kind: 'models' as const, name: entity.name, papers: new Set(entity.papers)})),
    ...graph.datasets.map((entity) => ({kind: 'datasets' as const, name: entity.name, papers: new Set(entity.papers)})),
    ...graph.labels.map((entity) => ({kind: 'labels' as const, name: entity.name, papers: new Set(entity.papers)}))
  ]
  const weight = (count: number) => Math.log(1 + papers.length / count)
  return new Map(
    papers.map((self) => {
      const scored = papers.flatMap((other, n) => {
        if (other.id === self.id) return []
        const both = groups.filter((group) => group.papers.has(self.id) && group.papers.has(other.id))
        if (both.length === 0) return []
        const score = both.reduce((sum, group) => sum + weight(group.papers.size), 0)
        const shared: Related['shared'] = {models: [], datasets: [], labels: []}
        for (const group of both) shared[group.kind].push(group.name)
        return [{n, related: {id: other.id, score, shared}}]
      })
      scored.sort((a, b) => b.related.score - a.related.score || a.n - b.n)
      return [self.id, scored.slice(0, relatedCount).map((entry) => entry.related)]
    })
  )
}

/** A graph of `count` papers and entities that each use a random subset of them, in the list's order. */
const graphs = fc.integer({min: 1, max: 40}).chain((count) => {
  const ids = Array.from({length: count}, (_, n) => `p${n}`)
  // Some entities are used by most papers, as common benchmarks are.
  const members = fc.oneof(fc.subarray(ids), fc.subarray(ids, {minLength: Math.floor(count * 0.7)}))
  const entities = (prefix: string) => fc.array(members, {maxLength: 8}).map((lists) => lists.map((papers, n) => ({id: `${prefix}${n}`, name: `${prefix}${n}`, papers})))
  return fc.record({models: entities('m'), datasets: entities('d'), labels: entities('l')}).map(
    (parts) => ({papers: ids.map((id) => ({id})), ...parts}) as unknown as Graph
  )
})

describe('related papers', () => {
  it('equal the definition on random graphs, common benchmarks included (fast-check)', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        expect(relatedPapers(graph)).toEqual(naive(graph))
      }),
      {numRuns: 300, seed: 20261128}
    )
  })
})

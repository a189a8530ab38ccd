import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {rareGroupSize, relatedCount, relatedPapers, type Related} from '../src/graph/related.ts'
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

/**
 * The definition beyond `rareSize`, as plainly: the candidates are the papers that share a group of at most
 * `rareSize` papers; with fewer than `relatedCount`, each larger group, rarest first (ties in group order),
 * adds the `neighbours` members nearest in the list (a window of neighbours + 1 around the paper, moved
 * inward at the ends), until there are enough. Scores and order as in `naive`.
 */
function naiveBeyond(graph: Graph, rareSize: number, neighbours: number): Map<string, Related[]> {
  const papers = graph.papers
  const place = new Map(papers.map((paper, n) => [paper.id, n]))
  const groups = [
    ...graph.models.map((entity) => ({kind: 'models' as const, name: entity.name, papers: entity.papers})),
    ...graph.datasets.map((entity) => ({kind: 'datasets' as const, name: entity.name, papers: entity.papers})),
    ...graph.labels.map((entity) => ({kind: 'labels' as const, name: entity.name, papers: entity.papers}))
  ].map((group, order) => ({...group, order, members: new Set(group.papers)}))
  const weight = (count: number) => Math.log(1 + papers.length / count)
  return new Map(
    papers.map((self) => {
      const own = groups.filter((group) => group.members.has(self.id))
      const candidates = new Set(own.filter((group) => group.members.size <= rareSize).flatMap((group) => group.papers))
      candidates.delete(self.id)
      const large = own.filter((group) => group.members.size > rareSize).sort((a, b) => a.members.size - b.members.size || a.order - b.order)
      for (const group of large) {
        if (candidates.size >= relatedCount) break
        const inOrder = [...group.papers].sort((a, b) => place.get(a)! - place.get(b)!)
        const at = inOrder.indexOf(self.id)
        const start = Math.max(0, Math.min(at - Math.floor(neighbours / 2), inOrder.length - neighbours - 1))
        for (const id of inOrder.slice(start, start + neighbours + 1)) if (id !== self.id) candidates.add(id)
      }
      const scored = [...candidates].map((id) => {
        const both = own.filter((group) => group.members.has(id))
        const shared: Related['shared'] = {models: [], datasets: [], labels: []}
        for (const group of both) shared[group.kind].push(group.name)
        return {n: place.get(id)!, related: {id, score: both.reduce((sum, group) => sum + weight(group.members.size), 0), shared}}
      })
      scored.sort((a, b) => b.related.score - a.related.score || a.n - b.n)
      return [self.id, scored.slice(0, relatedCount).map((entry) => entry.related)]
    })
  )
}

/** The related papers as plain data; what two papers share is worked out when it is read. */
function plain(related: Iterable<[string, Related[]]>): Map<string, Related[]> {
  return new Map([...related].map(([id, list]) => [id, list.map(({id, score, shared}) => ({id, score, shared}))]))
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
        expect(plain(relatedPapers(graph))).toEqual(naive(graph))
      }),
      {numRuns: 300, seed: 20261128}
    )
  })

  it(`equal the definition exactly while no group has more than ${rareGroupSize} papers`, () => {
    const ids = Array.from({length: 2 * rareGroupSize}, (_, n) => `p${n}`)
    // Every paper in a group of rareGroupSize and in one of the two halves; a few share a third group.
    const graph = {
      papers: ids.map((id) => ({id})),
      models: [{id: 'm0', name: 'm0', papers: ids.filter((_, n) => n % 2 === 0)}, {id: 'm1', name: 'm1', papers: ids.filter((_, n) => n % 2 === 1)}],
      datasets: [{id: 'd0', name: 'd0', papers: ids.slice(0, rareGroupSize)}, {id: 'd1', name: 'd1', papers: ids.slice(rareGroupSize)}],
      labels: [{id: 'l0', name: 'l0', papers: ids.filter((_, n) => n % 7 === 3)}]
    } as unknown as Graph
    expect(plain(relatedPapers(graph))).toEqual(naive(graph))
  })

  it('are the same asked for by a paper’s id as read in order, for every paper, and none for an id not in the list', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const related = relatedPapers(graph)
        expect(related.size).toBe(graph.papers.length)
        for (const [id, list] of plain(related)) expect(plain([[id, related.get(id)!]]).get(id)).toEqual(list)
        expect(related.get('not-a-paper')).toBeUndefined()
      }),
      {numRuns: 50, seed: 20261130}
    )
  })

  it('beyond that size, take candidates from rare groups first, then from the nearest members of larger ones (fast-check)', () => {
    fc.assert(
      fc.property(graphs, fc.integer({min: 1, max: 8}), fc.integer({min: 1, max: 8}), (graph, rareSize, neighbours) => {
        expect(plain(relatedPapers(graph, {rareSize, neighbours}))).toEqual(naiveBeyond(graph, rareSize, neighbours))
      }),
      {numRuns: 300, seed: 20261129}
    )
  })
})

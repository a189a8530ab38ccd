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
 * The largest group (the papers of one model, dataset or label) that makes its members candidates for
 * each other. Up to this size the related papers are exactly the definition below; a list whose groups
 * are all this small (the seed, the real list, 1,000 generated papers) gets exactly those.
 */
export const rareGroupSize = 300

/** How many members of a larger group, the nearest to a paper in the list, are its candidates. */
export const neighbourCount = 50

type Group = {kind: 'models' | 'datasets' | 'labels'; name: string; members: number[]}

/**
 * The papers most like each one, by the models, datasets and labels they share. A shared value counts
 * for more the fewer papers have it (inverse document frequency): two papers that both report BoolQ,
 * which every paper does, are less alike than two that both prune Baichuan2-13B. The score of two papers
 * is the sum of the weights of the groups both are in, added in group order; the most alike come first,
 * ties in the list's order.
 *
 * Scoring every pair that shares a group costs the sum of the squares of the group sizes, quadratic in
 * the list when a benchmark is reported by thousands of papers. So the candidates for a paper are the
 * papers that share one of its groups of at most `rareGroupSize` papers; a paper with fewer than
 * `relatedCount` such candidates also takes, from its larger groups, rarest first, the `neighbourCount`
 * members nearest to it in the list (neighbours in a curated list are often on the same topic), until it
 * has enough. Each candidate's score still counts every group both papers share. Without a group larger
 * than `rareGroupSize`, every paper that shares anything is a candidate: the exact definition.
 */
export function relatedPapers(graph: Graph, {rareSize = rareGroupSize, neighbours = neighbourCount}: {rareSize?: number; neighbours?: number} = {}): RelatedPapers {
  const papers = graph.papers
  const total = papers.length
  const index = new Map(papers.map((paper, n) => [paper.id, n]))
  const groups = sharedGroups(graph, index)
  const weights = Float64Array.from(groups, (group) => Math.log(1 + total / group.members.length))
  const rare = groups.map((group) => group.members.length <= rareSize)
  // The large groups' members in list order, to find a paper's neighbours in them.
  const sorted = groups.map((group, g) => (rare[g] ? undefined : Int32Array.from(group.members).sort()))
  const groupsOf = papersGroups(groups, total)
  const context: Groups = {groups, groupsOf}

  // Paper n's related papers are chosen[n * relatedCount …], -1 after the last, with their scores beside them.
  const chosen = new Int32Array(total * relatedCount).fill(-1)
  const scores = new Float64Array(total * relatedCount)
  const score = new Float64Array(total)
  const isCandidate = new Uint8Array(total)
  const candidates: number[] = []
  const add = (other: number) => {
    if (isCandidate[other]) return
    isCandidate[other] = 1
    candidates.push(other)
  }
  // The weight of each of the current paper's groups, 0 for the others.
  const mine = new Float64Array(groups.length)
  const rank = rarestFirst(groups)

  for (let self = 0; self < total; self++) {
    const own = groupsOf.ids.subarray(groupsOf.start[self]!, groupsOf.start[self + 1]!)
    isCandidate[self] = 1
    let large = 0
    for (const g of own) {
      mine[g] = weights[g]!
      if (!rare[g]) large++
    }
    if (large === 0) {
      // Only small groups: add each group's weight to all its members, which is the definition itself.
      for (const g of own) {
        for (const other of groups[g]!.members) {
          if (other === self) continue
          add(other)
          score[other]! += weights[g]!
        }
      }
    } else {
      for (const g of own) if (rare[g]) for (const other of groups[g]!.members) add(other)
      for (let used = 0; candidates.length < relatedCount; ) {
        let next = -1
        for (const g of own) if (!rare[g] && rank[g]! >= used && (next < 0 || rank[g]! < rank[next]!)) next = g
        if (next < 0) break
        used = rank[next]! + 1
        const members = sorted[next]!
        const [from, to] = nearest(members, self, neighbours)
        for (let at = from; at < to; at++) add(members[at]!)
      }
      // Every group the two share, in group order, as the definition adds them.
      const {start, ids} = groupsOf
      for (const other of candidates) {
        let sum = 0
        for (let at = start[other]!, end = start[other + 1]!; at < end; at++) {
          const w = mine[ids[at]!]!
          if (w !== 0) sum += w
        }
        score[other] = sum
      }
    }
    topFew(candidates, score).forEach((other, place) => {
      chosen[self * relatedCount + place] = other
      scores[self * relatedCount + place] = score[other]!
    })
    for (const g of own) mine[g] = 0
    for (const other of candidates) {
      score[other] = 0
      isCandidate[other] = 0
    }
    isCandidate[self] = 0
    candidates.length = 0
  }
  return new RelatedPapers(papers.map((paper) => paper.id), index, chosen, scores, context)
}

/**
 * Each paper's related papers, by its id, in the list's order: kept as numbers, and made into `Related` objects
 * each time a paper's are asked for, as its page asks once. Ten thousand papers' fifty thousand objects, kept,
 * outlived the young generation, and copying them there was a third of the time the map took to make.
 */
export class RelatedPapers implements Iterable<[Id, Related[]]> {
  readonly #ids: Id[]
  readonly #index: ReadonlyMap<Id, number>
  readonly #chosen: Int32Array
  readonly #scores: Float64Array
  readonly #groups: Groups

  constructor(ids: Id[], index: ReadonlyMap<Id, number>, chosen: Int32Array, scores: Float64Array, groups: Groups) {
    this.#ids = ids
    this.#index = index
    this.#chosen = chosen
    this.#scores = scores
    this.#groups = groups
  }

  get size(): number {
    return this.#ids.length
  }

  get(id: Id): Related[] | undefined {
    const n = this.#index.get(id)
    return n === undefined ? undefined : this.#of(n)
  }

  *entries(): IterableIterator<[Id, Related[]]> {
    for (let n = 0; n < this.#ids.length; n++) yield [this.#ids[n]!, this.#of(n)]
  }

  *values(): IterableIterator<Related[]> {
    for (let n = 0; n < this.#ids.length; n++) yield this.#of(n)
  }

  [Symbol.iterator](): IterableIterator<[Id, Related[]]> {
    return this.entries()
  }

  #of(self: number): Related[] {
    const list: Related[] = []
    for (let slot = self * relatedCount, end = slot + relatedCount; slot < end && this.#chosen[slot]! >= 0; slot++) {
      const other = this.#chosen[slot]!
      list.push(new Relation(this.#ids[other]!, this.#scores[slot]!, this.#groups, self, other))
    }
    return list
  }
}

/** Every kind of shared value (models, datasets, labels) as a name and its papers' indexes in the list. */
function sharedGroups(graph: Graph, index: ReadonlyMap<Id, number>): Group[] {
  const positions = (ids: Id[]) => {
    const found: number[] = []
    for (const id of ids) {
      const n = index.get(id)
      if (n !== undefined) found.push(n)
    }
    return found
  }
  const groups: Group[] = []
  for (const model of graph.models) groups.push({kind: 'models', name: model.name, members: positions(model.papers)})
  for (const dataset of graph.datasets) groups.push({kind: 'datasets', name: dataset.name, members: positions(dataset.papers)})
  for (const label of graph.labels) groups.push({kind: 'labels', name: label.name, members: positions(label.papers)})
  return groups
}

/** Each group's rank, rarest first, ties in group order: the order in which large groups add neighbours. */
function rarestFirst(groups: Group[]): Int32Array {
  const rank = new Int32Array(groups.length)
  groups
    .map((group, g) => [group.members.length, g] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .forEach(([, g], n) => (rank[g] = n))
  return rank
}

/** Each paper's groups in group order, as one flat list: paper n's are `ids[start[n]]` to `ids[start[n + 1] - 1]`. */
function papersGroups(groups: Group[], total: number): {start: Int32Array; ids: Int32Array} {
  const start = new Int32Array(total + 1)
  for (const group of groups) for (const member of group.members) start[member + 1]!++
  for (let n = 0; n < total; n++) start[n + 1]! += start[n]!
  const ids = new Int32Array(start[total]!)
  const next = start.slice(0, total)
  groups.forEach((group, g) => {
    for (const member of group.members) ids[next[member]!++] = g
  })
  return {start, ids}
}

/** The `relatedCount` highest scores, ties in the list's order: a running top few, not a sort of every candidate. */
function topFew(candidates: number[], score: Float64Array): number[] {
  const before = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && a < b)
  const best: number[] = []
  // The lowest score in a full top few: most candidates are below it, and are passed over at one comparison.
  let floor = -Infinity
  for (const other of candidates) {
    if (score[other]! < floor) continue
    if (best.length === relatedCount && !before(other, best[relatedCount - 1]!)) continue
    let at = best.length < relatedCount ? best.length : relatedCount - 1
    while (at > 0 && before(other, best[at - 1]!)) at--
    best.splice(at, 0, other)
    if (best.length > relatedCount) best.pop()
    if (best.length === relatedCount) floor = score[best[relatedCount - 1]!]!
  }
  return best
}

/**
 * Where the `count` members of a group (in list order) nearest to `self` in the list lie: a window of
 * `count + 1` around self's own place, moved inward at the ends. Self is in it, and skipped by the caller.
 */
function nearest(members: Int32Array, self: number, count: number): [number, number] {
  let low = 0
  let high = members.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (members[middle]! < self) low = middle + 1
    else high = middle
  }
  const start = Math.max(0, Math.min(low - (count >> 1), members.length - count - 1))
  return [start, Math.min(members.length, start + count + 1)]
}

interface Groups {
  groups: Group[]
  groupsOf: {start: Int32Array; ids: Int32Array}
}

/**
 * One related paper. What the two share is worked out each time it is read, as the paper's page reads it,
 * once: made up front for every pair of ten thousand papers, those lists were most of the time and memory
 * of this map, and a page of the dev server needs only its own. Not kept either: kept, every pair's lists
 * outlived the young generation, and copying them there was most of the time it took to read them all.
 */
class Relation implements Related {
  readonly #groups: Groups
  readonly #self: number
  readonly #other: number

  constructor(
    readonly id: Id,
    readonly score: number,
    groups: Groups,
    self: number,
    other: number
  ) {
    this.#groups = groups
    this.#self = self
    this.#other = other
  }

  get shared(): Related['shared'] {
    return shared(this.#groups, this.#self, this.#other)
  }
}

/**
 * What no pair shares of a kind: one frozen empty list, instead of a new one for each pair and kind. Most pairs
 * share one or two kinds, and at 10,000 papers the 150,000 empty lists were a third of the allocations.
 */
const nothing = Object.freeze([]) as unknown as string[]

/** The groups two papers are both in. Both lists are in group order, so one merge pass finds them. */
function shared({groups, groupsOf: {start, ids}}: Groups, a: number, b: number): Related['shared'] {
  const result: Related['shared'] = {models: nothing, datasets: nothing, labels: nothing}
  for (let i = start[a]!, j = start[b]!, endA = start[a + 1]!, endB = start[b + 1]!; i < endA && j < endB; ) {
    if (ids[i]! < ids[j]!) i++
    else if (ids[i]! > ids[j]!) j++
    else {
      const group = groups[ids[i]!]!
      if (result[group.kind] === nothing) result[group.kind] = [group.name]
      else result[group.kind].push(group.name)
      i++
      j++
    }
  }
  return result
}

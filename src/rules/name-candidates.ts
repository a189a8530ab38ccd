/**
 * Which names may look alike, found without comparing every pair: 10,000 model rows took 104 s when
 * name-similar compared each name with every other. Two names can only be reported when they fold to
 * the same text, or their stems (a model's family) fold to the same text, or the letters of their stems
 * are one letter added, dropped or swapped apart. So names are put in buckets by the folded text, by the
 * folded stem, and by the letters (hashed, so a long name costs its length, not its length squared), and
 * each name is compared only with the names of its buckets.
 *
 * It finds the same pairs as comparing all of them (`test/name-similar.test.ts` checks it against that)
 * as long as no bucket holds more than `maxBucket` names and no stem has more than `maxLetters` letters;
 * only a README written to be slow has more, and then each name is compared with the first `maxBucket`.
 */
export interface Comparable {
  kind: string
  stem: string
  foldText: string
  foldStem: string
  /** The stem's letters only, lower case. */
  letters: string
}

export const maxBucket = 64
/** Longer stems are not looked at for one-letter edits: text-too-long already refuses names over 500 characters. */
const maxLetters = 512

/**
 * For each name (by index), the indices of the names it must be compared with, in ascending order.
 * `loses(a, stem)` says whether `a` would lose to a name of that stem on the stem alone; a stem bucket's
 * spelling that `a` beats is skipped whole, since every name spelled so would lose to `a` the same way.
 */
export function candidates<T extends Comparable>(names: readonly T[], loses: (a: T, stem: string) => boolean, reported: (index: number) => boolean): (index: number) => number[] {
  const byText = group(names, (name) => `${name.kind}\u0000${name.foldText}`)
  // Within a folded stem, the names of each exact stem together: the same stem is never a finding.
  const byStem = new Map<string, Map<string, number[]>>()
  names.forEach((name, index) => {
    const key = `${name.kind}\u0000${name.foldStem}`
    let stems = byStem.get(key)
    if (!stems) byStem.set(key, (stems = new Map()))
    const list = stems.get(name.stem)
    if (list) list.push(index)
    else stems.set(name.stem, [index])
  })
  const edits = (name: T) => name.letters.length >= 5 && name.letters.length <= maxLetters
  const byLetters = group(names, (name) => (edits(name) ? lettersKey(name.kind, name.letters) : undefined))
  // Each name under every string it becomes with a letter dropped: a name one letter shorter finds it here.
  const byDropped = new Map<string, number[]>()
  names.forEach((name, index) => {
    if (!edits(name)) return
    for (const key of droppedKeys(name.kind, name.letters)) {
      const list = byDropped.get(key)
      if (!list) byDropped.set(key, [index])
      else if (list[list.length - 1] !== index) list.push(index)
    }
  })

  return (index) => {
    const a = names[index]!
    const found = new Set<number>()
    const take = (list: number[] | undefined) => {
      if (!list) return
      let taken = 0
      let skipped = 0
      for (const other of list) {
        if (taken >= maxBucket) break
        if (other === index) continue
        if (reported(other)) {
          skipped++
          continue
        }
        found.add(other)
        taken++
      }
      // A reported name is never a candidate again: drop such names from the bucket once they pile up,
      // so that a large bucket is not walked again and again.
      if (skipped > maxBucket) compact(list, reported)
    }
    take(byText.get(`${a.kind}\u0000${a.foldText}`))
    let stems = 0
    for (const [stem, list] of byStem.get(`${a.kind}\u0000${a.foldStem}`) ?? []) {
      if (stem === a.stem) continue
      if (++stems > maxBucket) break
      if (loses(a, stem)) take(list)
    }
    if (edits(a)) {
      take(byDropped.get(lettersKey(a.kind, a.letters)))
      let groups = 0
      for (const key of [...droppedKeys(a.kind, a.letters), ...swappedKeys(a.kind, a.letters)]) {
        const list = byLetters.get(key)
        if (!list) continue
        if (++groups > maxBucket) break
        take(list)
      }
    }
    return [...found].sort((x, y) => x - y)
  }
}

/** Removes the reported names from a bucket, in place, keeping the order. */
function compact(list: number[], reported: (index: number) => boolean): void {
  let kept = 0
  for (const index of list) if (!reported(index)) list[kept++] = index
  list.length = kept
}

function group<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  items.forEach((item, index) => {
    const key = keyOf(item)
    if (key === undefined) return
    const list = groups.get(key)
    if (list) list.push(index)
    else groups.set(key, [index])
  })
  return groups
}

/** Two polynomial hashes, mod 2^32, of a string given by its code units. */
const bases = [131, 8191] as const

function lettersKey(kind: string, letters: string): string {
  const [h1, h2] = bases.map((base) => {
    let hash = 0
    for (let i = 0; i < letters.length; i++) hash = (Math.imul(hash, base) + letters.charCodeAt(i)) >>> 0
    return hash
  })
  return `${kind}\u0000${letters.length}\u0000${h1}\u0000${h2}`
}

/** Prefix hashes and powers of the bases, for the hash of any edit in constant time. */
function prefixHashes(letters: string): {prefix: Uint32Array[]; powers: Uint32Array[]} {
  const n = letters.length
  const prefix = bases.map((base) => {
    const hashes = new Uint32Array(n + 1)
    for (let i = 0; i < n; i++) hashes[i + 1] = (Math.imul(hashes[i]!, base) + letters.charCodeAt(i)) >>> 0
    return hashes
  })
  const powers = bases.map((base) => {
    const values = new Uint32Array(n + 1)
    values[0] = 1
    for (let i = 1; i <= n; i++) values[i] = Math.imul(values[i - 1]!, base) >>> 0
    return values
  })
  return {prefix, powers}
}

/** The keys of the strings one letter shorter: hash(s[0, i)) · B^(n-1-i) + hash(s[i+1, n)) = (P[i] − P[i+1]) · B^(n-1-i) + P[n]. */
function droppedKeys(kind: string, letters: string): string[] {
  const n = letters.length
  const {prefix, powers} = prefixHashes(letters)
  const keys: string[] = []
  for (let i = 0; i < n; i++) {
    const [h1, h2] = [0, 1].map((k) => (Math.imul(prefix[k]![i]! - prefix[k]![i + 1]!, powers[k]![n - 1 - i]!) + prefix[k]![n]!) >>> 0)
    keys.push(`${kind}\u0000${n - 1}\u0000${h1}\u0000${h2}`)
  }
  return keys
}

/** The keys of the strings with two neighbours swapped: the hash changes by (y − x) · B^(n-1-i) + (x − y) · B^(n-2-i). */
function swappedKeys(kind: string, letters: string): string[] {
  const n = letters.length
  const {prefix, powers} = prefixHashes(letters)
  const keys: string[] = []
  for (let i = 0; i + 1 < n; i++) {
    const x = letters.charCodeAt(i)
    const y = letters.charCodeAt(i + 1)
    if (x === y) continue
    const [h1, h2] = [0, 1].map((k) => (prefix[k]![n]! + Math.imul(y - x, powers[k]![n - 1 - i]!) + Math.imul(x - y, powers[k]![n - 2 - i]!)) >>> 0)
    keys.push(`${kind}\u0000${n}\u0000${h1}\u0000${h2}`)
  }
  return keys
}

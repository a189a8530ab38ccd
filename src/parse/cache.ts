import {createHash} from 'node:crypto'
import type {Root} from 'mdast'
import {renumbered, shapeOf} from './renumbered.ts'

/** A parsed piece: its tree, its text, and (once asked for) its shape (renumbered.ts), null for none. */
interface Cached {
  tree: Root
  text: string
  shape?: string | null
}

/**
 * Parsed pieces by the hash of their text. A long-lived process (the dev server) passes the same
 * cache to every build, so a save re-parses only the pieces it changed. Each parse keeps what it
 * used and lets the rest go, so the cache never holds more than two READMEs' worth of trees.
 * A piece that differs from a cached one only in its bracketed numbers is renumbered from it, not parsed.
 */
export class PieceCache {
  #previous = new Map<string, Cached>()
  #current = new Map<string, Cached>()
  /** The cached pieces by their text's length, made when first asked for after a rotation. */
  #byLength: Map<number, Cached[]> | undefined
  hits = 0
  misses = 0
  /** Pieces renumbered from a cached one. */
  renumbered = 0

  static key(text: string): string {
    return createHash('sha1').update(text).digest('base64')
  }

  /** The tree of `text`, whose key is `key`: cached, or renumbered from a cached piece (and kept); undefined when neither. */
  get(key: string, text: string): Root | undefined {
    const cached = this.#current.get(key) ?? this.#previous.get(key)
    if (cached) {
      this.#current.set(key, cached)
      this.hits++
      return cached.tree
    }
    const tree = this.#similar(text)
    if (tree) {
      this.renumbered++
      this.set(key, tree, text)
    } else this.misses++
    return tree
  }

  set(key: string, tree: Root, text: string): void {
    const cached: Cached = {tree, text}
    this.#current.set(key, cached)
    if (this.#byLength) index(this.#byLength, cached)
  }

  /** Called after each parse: what this parse did not use is dropped at the next one. */
  rotate(): void {
    this.#previous = this.#current
    this.#current = new Map()
    this.#byLength = undefined
  }

  get size(): number {
    return new Set([...this.#previous.keys(), ...this.#current.keys()]).size
  }

  /**
   * `text`'s tree renumbered from a cached piece of the same shape. Only pieces of the same length can have
   * the same shape, so a save that changed a piece's length computes no shape at all.
   */
  #similar(text: string): Root | undefined {
    const candidates = this.#sameLength(text.length)
    const shape = candidates && shapeOf(text)
    if (!shape) return undefined
    for (const cached of candidates) {
      cached.shape ??= shapeOf(cached.text) ?? null
      const tree = cached.shape === shape ? renumbered(cached.text, cached.tree, text) : undefined
      if (tree) return tree
    }
    return undefined
  }

  #sameLength(length: number): Cached[] | undefined {
    if (!this.#byLength) {
      this.#byLength = new Map()
      for (const cached of [...this.#previous.values(), ...this.#current.values()]) index(this.#byLength, cached)
    }
    return this.#byLength.get(length)
  }
}

function index(byLength: Map<number, Cached[]>, cached: Cached): void {
  const list = byLength.get(cached.text.length)
  if (list) list.push(cached)
  else byLength.set(cached.text.length, [cached])
}

/** The cache of this process. Builds use it unless they are given another. */
export const sharedCache = new PieceCache()

import {createHash} from 'node:crypto'
import type {Root} from 'mdast'
import {renumbered, shapeOf} from './renumbered.ts'

/** A parsed piece: its tree, its text, and (once asked for) its shape (renumbered.ts). */
interface Cached {
  tree: Root
  text: string
  shape?: string | undefined
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
  /** The cached pieces by shape, made when first asked for after a change. */
  #shapes: Map<string, Cached> | undefined
  hits = 0
  misses = 0
  /** Pieces renumbered from a cached one. */
  renumbered = 0

  static key(text: string): string {
    return createHash('sha1').update(text).digest('base64')
  }

  get(key: string): Root | undefined {
    const cached = this.#current.get(key) ?? this.#previous.get(key)
    if (cached) {
      this.#current.set(key, cached)
      this.hits++
    } else this.misses++
    return cached?.tree
  }

  /** The tree of `text` (whose key is `key`) renumbered from a cached piece of the same shape, and kept; undefined when there is none. */
  similar(key: string, text: string): Root | undefined {
    if (this.#previous.size + this.#current.size === 0) return undefined
    const shape = shapeOf(text)
    const cached = shape === undefined ? undefined : this.#byShape().get(shape)
    const tree = cached && renumbered(cached.text, cached.tree, text)
    if (!tree) return undefined
    this.misses--
    this.renumbered++
    this.set(key, tree, text)
    return tree
  }

  set(key: string, tree: Root, text: string): void {
    const cached: Cached = {tree, text}
    this.#current.set(key, cached)
    if (!this.#shapes) return
    cached.shape = shapeOf(text)
    if (cached.shape !== undefined) this.#shapes.set(cached.shape, cached)
  }

  /** Called after each parse: what this parse did not use is dropped at the next one. */
  rotate(): void {
    this.#previous = this.#current
    this.#current = new Map()
    this.#shapes = undefined
  }

  get size(): number {
    return new Set([...this.#previous.keys(), ...this.#current.keys()]).size
  }

  #byShape(): Map<string, Cached> {
    if (this.#shapes) return this.#shapes
    const shapes = new Map<string, Cached>()
    for (const cached of [...this.#previous.values(), ...this.#current.values()]) {
      cached.shape ??= shapeOf(cached.text)
      if (cached.shape !== undefined) shapes.set(cached.shape, cached)
    }
    return (this.#shapes = shapes)
  }
}

/** The cache of this process. Builds use it unless they are given another. */
export const sharedCache = new PieceCache()

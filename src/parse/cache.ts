import {createHash} from 'node:crypto'
import type {Root} from 'mdast'

/**
 * Parsed pieces by the hash of their text. A long-lived process (the dev server) passes the same
 * cache to every build, so a save re-parses only the pieces it changed. Each parse keeps what it
 * used and lets the rest go, so the cache never holds more than two READMEs' worth of trees.
 */
export class PieceCache {
  #previous = new Map<string, Root>()
  #current = new Map<string, Root>()
  hits = 0
  misses = 0

  static key(text: string): string {
    return createHash('sha1').update(text).digest('base64')
  }

  get(key: string): Root | undefined {
    const tree = this.#current.get(key) ?? this.#previous.get(key)
    if (tree) {
      this.#current.set(key, tree)
      this.hits++
    } else this.misses++
    return tree
  }

  set(key: string, tree: Root): void {
    this.#current.set(key, tree)
  }

  /** Called after each parse: what this parse did not use is dropped at the next one. */
  rotate(): void {
    this.#previous = this.#current
    this.#current = new Map()
  }

  get size(): number {
    return new Set([...this.#previous.keys(), ...this.#current.keys()]).size
  }
}

/** The cache of this process. Builds use it unless they are given another. */
export const sharedCache = new PieceCache()

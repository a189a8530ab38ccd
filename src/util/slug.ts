import {withoutAccents} from './text.ts'

/**
 * An ASCII, URL-safe slug. Letters lose their accents; anything else becomes a dash.
 * Text with no ASCII letters or digits at all (CJK, emoji) gets a short stable hash,
 * so the slug depends on the text alone and never on its place in the list.
 */
export function slugify(text: string, prefix = 'x', max = 60): string {
  const key = `${prefix}\u0000${max}`
  const memo = slugs.get(key) ?? newMemo(key)
  let slug = memo.get(text)
  if (slug === undefined) {
    if (memo.size >= memoLimit) memo.clear()
    memo.set(text, (slug = slugOf(text, prefix, max)))
  }
  return slug
}

/**
 * Slugs made before, by prefix and length, for a process that links the same list again on every save (the
 * dev server): a thousand papers' titles are slugged three ways each, and the regular expressions took 2 µs
 * a title, about 6 ms a save. Each memo is emptied when it holds `memoLimit` texts.
 */
const slugs = new Map<string, Map<string, string>>()
const memoLimit = 50_000

function newMemo(key: string): Map<string, string> {
  const memo = new Map<string, string>()
  slugs.set(key, memo)
  return memo
}

function slugOf(text: string, prefix: string, max: number): string {
  const ascii = withoutAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (ascii === '') return `${prefix}-${hash(text)}`
  if (ascii.length <= max) return ascii
  const cut = ascii.slice(0, max)
  const dash = cut.lastIndexOf('-')
  return dash > max / 2 ? cut.slice(0, dash) : cut
}

/** FNV-1a over UTF-16 code units, as 8 hex digits: stable across runs and machines. */
export function hash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/** Hands out unique ids within one kind: the first taker keeps the plain slug, later ones get `-2`, `-3`, …. */
export class SlugRegistry {
  readonly #taken = new Set<string>()

  has(id: string): boolean {
    return this.#taken.has(id)
  }

  claim(candidates: string[]): string {
    for (const candidate of candidates) {
      if (!this.#taken.has(candidate)) {
        this.#taken.add(candidate)
        return candidate
      }
    }
    const base = candidates[candidates.length - 1] ?? 'x'
    let n = 2
    while (this.#taken.has(`${base}-${n}`)) n++
    const id = `${base}-${n}`
    this.#taken.add(id)
    return id
  }
}

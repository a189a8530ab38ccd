import type {ListItem} from 'mdast'
import {itemAdapters, type ItemAdapter} from './adapters/index.ts'
import {isCleanTitle} from './adapters/title.ts'
import {isPaperUrl} from './paper-link.ts'
import type {Locator} from './place.ts'
import type {Id, RawPaper} from '../types.ts'

/** How many of a section's entries detection reads with every form: enough to see the form, few enough to stay cheap. */
const sampleSize = 16

/**
 * The form a section's list entries are written in: each form reads a sample of them, and the one
 * that finds the most (a clean title, a paper link, a venue) wins; ties go to the earlier form.
 */
export function chooseItemAdapter(items: readonly ListItem[], section: Id, at: Locator): ItemAdapter {
  const sample = spread(items, sampleSize)
  const key = sampleKey(sample, section, at)
  const known = chosen.get(key)
  if (known) return known
  const best = bestAdapter(sample, section, at)
  if (chosen.size >= maxChosen) chosen.clear()
  chosen.set(key, best)
  return best
}

/**
 * The form each sample was read in, by what the forms read of it: its section, its items' source and
 * their trees (positions aside, which no score reads). The dev server reads the README again on every
 * save, and most saves leave every section's sample as it was: a form is read from it once, not 3 × 16
 * readings per section per save.
 */
const chosen = new Map<string, ItemAdapter>()
/** Enough for the sections of a few READMEs; the map starts again when it is full. */
const maxChosen = 512

function sampleKey(sample: readonly ListItem[], section: Id, at: Locator): string {
  const parts = sample.map((item) => {
    const text = at.source.slice(item.position?.start.offset ?? 0, item.position?.end.offset ?? 0)
    return `${text}\u0000${JSON.stringify(item, (key, value: unknown) => (key === 'position' ? undefined : value))}`
  })
  return `${section}\u0001${parts.join('\u0001')}`
}

function bestAdapter(sample: readonly ListItem[], section: Id, at: Locator): ItemAdapter {
  let best = itemAdapters[0]!
  let bestScore = -1
  for (const adapter of itemAdapters) {
    const score = sample.reduce((sum, item) => sum + scoreEntry(adapter.read(item, section, at)), 0)
    if (score > bestScore) {
      best = adapter
      bestScore = score
    }
  }
  return best
}

/**
 * What a reading of one entry found: a clean title counts most, then a link to the paper, then a venue
 * or year; a reading that left no key unexplained and no HTML in a label breaks the remaining ties.
 */
export function scoreEntry(paper: RawPaper | undefined): number {
  if (!paper) return 0
  let score = 0
  if (isCleanTitle(paper.title)) score += 4
  if (paper.links.some((link) => isPaperUrl(link.href))) score += 2
  if (paper.venue !== '') score += 1
  if (!paper.fields.some((field) => field.kind === 'unknown') && !paper.labels.some((label) => /[<>]|https?:/.test(label))) score += 0.5
  return score
}

/** Up to `count` items, spread over the whole list. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items]
  return Array.from({length: count}, (_, n) => items[Math.floor((n * items.length) / count)]!)
}

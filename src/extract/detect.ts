import type {ListItem} from 'mdast'
import {itemAdapters, type ItemAdapter} from './adapters/index.ts'
import {isCleanTitle} from './adapters/title.ts'
import {isPaperUrl} from './paper-link.ts'
import type {Locator} from './place.ts'
import type {EntryMemo} from './entry-memo.ts'
import type {Id, RawPaper} from '../types.ts'

/** How many of a section's entries detection reads with every form: enough to see the form, few enough to stay cheap. */
const sampleSize = 16

/**
 * The form a section's list entries are written in: each form reads a sample of them, and the one
 * that finds the most (a clean title, a paper link, a venue) wins; ties go to the earlier form.
 * With `memo` (the dev server's), the sample is read through it: a save reads again only the sampled
 * entries it changed, not 3 × 16 entries per section, and the readings it keeps are scored as they are kept.
 */
export function chooseItemAdapter(items: readonly ListItem[], section: Id, at: Locator, memo?: EntryMemo): ItemAdapter {
  const sample = spread(items, sampleSize)
  const read = memo ? (adapter: ItemAdapter, item: ListItem) => memo.peek(adapter, item, section, at) : (adapter: ItemAdapter, item: ListItem) => adapter.read(item, section, at)
  let best = itemAdapters[0]!
  let bestScore = -1
  for (const adapter of itemAdapters) {
    const score = sample.reduce((sum, item) => sum + scoreEntry(read(adapter, item)), 0)
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

import {toString} from 'mdast-util-to-string'
import type {ItemAdapter} from './adapter.ts'
import {brokenNumber, isPaperEntry, readPaperEntry} from '../paper-entry.ts'

/**
 * The seed's form: a numbered (`[N]`) or unnumbered (`[]`, or no brackets at all) title line, the venue
 * and links on the line below it, and `- Label:` / `- Summary:` / `- Publication:` sub-bullets.
 *
 *     - [6] BlockPruner: Fine-grained Pruning for Large Language Models
 *       Arxiv, [Paper](https://arxiv.org/pdf/2406.10594), [Code](https://github.com/…)
 *       - Label: Structure Pruning, Depth Pruning
 *
 * An item that opens with `[N]` is always a paper, so that the rules can report what is missing from it.
 */
export const bullets: ItemAdapter = {
  name: 'bullets',
  reads: 'items',
  description: 'bullets (title, then venue and links, sub-bullets)',
  read(item, section, at) {
    if (isPaperEntry(item)) return readPaperEntry(item, section, at)
    const first = item.children[0]
    if (first?.type !== 'paragraph' || brokenNumber.test(toString(first).trimStart())) return undefined
    const paper = readPaperEntry(item, section, at)
    return paper.title === '' ? undefined : paper
  }
}

import type {PaperIndex} from './paper-index.ts'
import type {Paper, RawRef} from '../types.ts'

/** The candidate papers a table reference could mean: one when it resolves, none or several when it does not. */
export function candidates(ref: RawRef, index: PaperIndex): Paper[] {
  const inner = ref.text.replace(/^\[\s*|\s*\]$/g, '')
  if (ref.kind === 'number') return index.byNumber.get(Number(inner)) ?? []
  if (ref.kind === 'arxiv') return index.byArxiv.get(inner.replace(/v\d+$/, '')) ?? []
  return []
}

/** The paper a reference names, only when it names exactly one. */
export function resolveReference(ref: RawRef, index: PaperIndex): Paper | undefined {
  const found = candidates(ref, index)
  return found.length === 1 ? found[0] : undefined
}

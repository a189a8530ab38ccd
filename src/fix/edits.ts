/** One change to the README's text: the characters from `start` to `end` become `text`. */
export interface Edit {
  start: number
  end: number
  text: string
  /** Where it is, 1-based, for the report: the line and column of `start`. */
  line: number
  column: number
  /** The rule whose finding it fixes. */
  ruleId: string
  /** What it does, in a few words: "[2] → [2403.03853] in `LLaMA2-7B`". */
  what: string
}

/**
 * The text with every edit made. Edits must not overlap; an insertion and a deletion may start at the
 * same place (text added after a reference, and the comma that followed it deleted).
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text
  for (const edit of inOrder(edits).reverse()) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end)
  return result
}

/** Edits in the order of the text; at one place, an insertion before a deletion. */
export function inOrder(edits: readonly Edit[]): Edit[] {
  return [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
}

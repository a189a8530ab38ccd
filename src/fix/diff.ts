import {inOrder, type Edit} from './edits.ts'

/** Lines of context around each change, as `diff -u` gives. */
const context = 3

/**
 * A unified diff of the edits, for `--dry-run`: `git apply` and `patch -p1` take it. The edits say which
 * lines changed, so no line-matching algorithm is needed: each run of touched lines is one change.
 */
export function unifiedDiff(path: string, text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return ''
  const starts = lineStarts(text)
  const lineOf = (offset: number) => upperBound(starts, offset) - 1
  // Runs of old lines that edits touch, each with its edits; an edit that ends a line touches only that line.
  const blocks: Array<{first: number; last: number; edits: Edit[]}> = []
  for (const edit of inOrder(edits)) {
    const first = lineOf(edit.start)
    const last = Math.max(first, lineOf(Math.max(edit.start, edit.end - 1)))
    const open = blocks.at(-1)
    if (open && first <= open.last + 1) {
      open.last = Math.max(open.last, last)
      open.edits.push(edit)
    } else blocks.push({first, last, edits: [edit]})
  }

  const oldLines = splitLines(text)
  const name = path.replace(/^\/+/, '')
  const out = [`--- a/${name}`, `+++ b/${name}`]
  let shift = 0
  for (let b = 0; b < blocks.length; ) {
    // A hunk takes in the next blocks while their contexts touch.
    let end = b
    while (end + 1 < blocks.length && blocks[end + 1]!.first - blocks[end]!.last - 1 <= 2 * context) end++
    const from = Math.max(0, blocks[b]!.first - context)
    const to = Math.min(oldLines.length - 1, blocks[end]!.last + context)
    const body: string[] = []
    let added = 0
    let line = from
    for (let k = b; k <= end; k++) {
      const block = blocks[k]!
      for (; line < block.first; line++) body.push(` ${oldLines[line]}`)
      const oldText = text.slice(starts[block.first], starts[block.last + 1] ?? text.length)
      const base = starts[block.first]!
      const moved = block.edits.map((edit) => ({...edit, start: edit.start - base, end: edit.end - base}))
      let newText = oldText
      for (const edit of inOrder(moved).reverse()) newText = newText.slice(0, edit.start) + edit.text + newText.slice(edit.end)
      const removed = splitLines(oldText)
      const inserted = splitLines(newText)
      body.push(...removed.map((l) => `-${l}`))
      if (removed.length > 0 && !oldText.endsWith('\n')) body.push(noNewline)
      body.push(...inserted.map((l) => `+${l}`))
      if (inserted.length > 0 && !newText.endsWith('\n')) body.push(noNewline)
      added += inserted.length - removed.length
      line = block.last + 1
    }
    for (; line <= to; line++) body.push(` ${oldLines[line]}`)
    if (to === oldLines.length - 1 && blocks[end]!.last < to && !text.endsWith('\n')) body.push(noNewline)
    const oldCount = to - from + 1
    out.push(`@@ -${range(from + 1, oldCount)} +${range(from + 1 + shift, oldCount + added)} @@`, ...body)
    shift += added
    b = end + 1
  }
  return `${out.join('\n')}\n`
}

const noNewline = '\\ No newline at end of file'

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`
}

/** Offsets where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10 && i + 1 < text.length) starts.push(i + 1)
  return starts
}

/** Lines without their `\n` (a `\r` stays: it is part of the line as diff sees it). */
function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/** The index of the first start greater than `offset`. */
function upperBound(starts: number[], offset: number): number {
  let low = 0
  let high = starts.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (starts[mid]! <= offset) low = mid + 1
    else high = mid
  }
  return low
}

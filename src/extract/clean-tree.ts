import type {Node} from 'unist'
import {cleanText} from '../util/clean-text.ts'

/**
 * Drops, in place, the characters no output may carry (controls, noncharacters, lone surrogates: see
 * clean-text.ts) from every string of the README's tree: text, code, titles, alt text, labels.
 * It runs once, before anything is read off the tree, so no title, name, summary or prose that reaches
 * the graph, and so no page, feed or data file, can carry them.
 * URLs are left as written: one that holds such a character is refused whole (isSafeUrl), as one with
 * a control character always was, rather than cleaned into an address the contributor did not write.
 *
 * A loop, not recursion: the tree is as deep as the README nests, and that is the contributor's to choose.
 */
export function cleanTree(tree: Node): void {
  const stack: Node[] = [tree]
  for (let node = stack.pop(); node; node = stack.pop()) {
    const fields = node as unknown as Record<string, unknown>
    for (const key of Object.keys(fields)) {
      const value = fields[key]
      if (typeof value === 'string' && key !== 'type' && key !== 'url') fields[key] = cleanText(value)
    }
    const children = fields['children']
    if (Array.isArray(children)) for (let n = children.length - 1; n >= 0; n--) stack.push(children[n] as Node)
  }
}

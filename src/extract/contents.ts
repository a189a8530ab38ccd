import {toString} from 'mdast-util-to-string'
import type {List} from 'mdast'
import type {RawContentsItem} from '../types.ts'
import {safeDecode} from '../util/url.ts'

/** The README's own table of contents, flattened with each entry's nesting depth (1 = top). */
export function readContents(list: List, depth = 1): RawContentsItem[] {
  const items: RawContentsItem[] = []
  for (const item of list.children) {
    const [first, ...rest] = item.children
    if (first && first.type !== 'list') {
      const link = first.type === 'paragraph' ? first.children.find((node) => node.type === 'link') : undefined
      const anchor = link?.url.startsWith('#') ? safeDecode(link.url.slice(1)) : undefined
      items.push({title: toString(first).trim(), anchor, depth, position: first.position})
    }
    for (const child of rest) {
      // Recursive on the tree's depth, which `findDeepNode` (parse/guard.ts) has capped before this runs.
      if (child.type === 'list') items.push(...readContents(child, depth + 1))
    }
  }
  return items
}

import {toString} from 'mdast-util-to-string'
import type {Link as LinkNode, Nodes} from 'mdast'
import type {RawTool} from '../types.ts'

/** Every link in a Tools block, whether written as a paragraph of links or as a bullet list. */
export function readTools(node: Nodes): RawTool[] {
  const tools: RawTool[] = []
  collect(node)
  return tools

  function collect(current: Nodes): void {
    if (current.type === 'link') {
      const link = current as LinkNode
      tools.push({name: toString(link).trim(), href: link.url, position: link.position})
      return
    }
    // Recursive on the tree's depth, which `findDeepNode` (parse/guard.ts) has capped before this runs.
    if ('children' in current) for (const child of current.children) collect(child as Nodes)
  }
}

import {toString} from 'mdast-util-to-string'
import type {Link as LinkNode, ListItem, Nodes} from 'mdast'
import {isGenericLabel} from './adapters/title.ts'
import {isPaperUrl} from './paper-link.ts'
import type {RawTool} from '../types.ts'
import {SKIP, visit} from 'unist-util-visit'

/** Every link in a Tools block, whether written as a paragraph of links or as a bullet list. */
export function readTools(node: Nodes): RawTool[] {
  if (node.type === 'list') return node.children.flatMap((item) => namedTool(item) ?? collect(item))
  return collect(node)
}

/** Each link a tool, named by its text: `[OpenCompass](https://github.com/…)`. */
function collect(node: Nodes): RawTool[] {
  const tools: RawTool[] = []
  // The tree's depth is capped by `findDeepNode` (parse/guard.ts) before this runs.
  visit(node, 'link', (link) => {
    tools.push({name: toString(link).trim(), href: link.url, position: link.position})
    return SKIP
  })
  return tools
}

/**
 * `- BMCook: a toolkit for big model compression [[Code]](…) [[Paper]](…)`: a tool named before its
 * links, which only say what they are. It is one tool, "BMCook", at its code (its first link that is no paper).
 */
function namedTool(item: ListItem): RawTool[] | undefined {
  const paragraph = item.children[0]
  if (paragraph?.type !== 'paragraph') return undefined
  const at = paragraph.children.findIndex((node) => node.type === 'link')
  const links = paragraph.children.filter((node): node is LinkNode => node.type === 'link')
  if (at <= 0 || !isGenericLabel(toString(links[0]!))) return undefined
  const name = /^\s*(.+?)\s*(?:[:：|–—]|\s-\s|$)/.exec(toString(paragraph.children.slice(0, at)))?.[1]?.replace(/[*_`]/g, '').trim()
  if (!name) return undefined
  const link = links.find((each) => !isPaperUrl(each.url)) ?? links[0]!
  return [{name, href: link.url, position: link.position}]
}

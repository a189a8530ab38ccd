import {toString} from 'mdast-util-to-string'
import type {List, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {locator} from './place.ts'
import {classifySection, datasetRole} from './section.ts'
import {isPaperEntry, readPaperEntry} from './paper-entry.ts'
import {readTable} from './table.ts'
import {readTools} from './tools.ts'
import {readContents} from './contents.ts'
import {cleanTree} from './clean-tree.ts'
import {SlugRegistry, slugify} from '../graph/slug.ts'
import type {RawList, RawSection} from '../types.ts'

/**
 * Walks the top level of the README once, keeping a stack of the headings above each block,
 * and hands every block to the reader for the kind of section it sits in.
 * Whatever no reader claims is kept as prose, so nothing in the README is dropped silently.
 */
export function extract(tree: Root, file: VFile): RawList {
  // Text enters the graph here: what no output may carry goes first.
  cleanTree(tree)
  const at = locator(file)
  const list: RawList = {title: '', intro: [], sections: [], papers: [], tables: [], tools: [], contents: [], prose: []}
  const ids = new SlugRegistry()
  const stack: RawSection[] = []
  const opened = new Set<RawSection['id']>()

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const title = toString(node).replace(/\s+/g, ' ').trim()
      if (node.depth === 1 && list.title === '' && list.sections.length === 0 && title !== '') {
        list.title = title
        continue
      }
      // The Contents section only lists the others; it never contains them.
      while (stack.length > 0 && (stack[stack.length - 1]!.depth >= node.depth || stack[stack.length - 1]!.kind === 'contents')) {
        stack.pop()
      }
      const parent = stack[stack.length - 1]
      const kind = classifySection(title, parent)
      const section: RawSection = {
        id: ids.claim([slugify(title, 'section')]),
        title,
        depth: node.depth,
        kind,
        role: kind === 'datasets' ? datasetRole(title) ?? parent?.role : undefined,
        parent: parent?.id,
        description: undefined,
        position: node.position
      }
      list.sections.push(section)
      stack.push(section)
      continue
    }

    const section = stack[stack.length - 1]
    if (!section) {
      if (node.type !== 'definition') (list.title === '' ? prose(undefined, node) : list.intro.push(node))
      continue
    }
    // A blockquote right under a heading describes its section; it stays in the prose as well.
    if (node.type === 'blockquote' && !opened.has(section.id)) {
      section.description = toString(node).replace(/\s+/g, ' ').trim() || undefined
    }
    opened.add(section.id)

    switch (section.kind) {
      case 'contents': {
        if (node.type === 'list') list.contents.push(...readContents(node))
        else prose(section.id, node)
        break
      }
      case 'papers': {
        if (node.type === 'list') {
          const others: List = {...node, children: []}
          for (const item of node.children) {
            if (isPaperEntry(item)) list.papers.push(readPaperEntry(item, section.id, at))
            else others.children.push(item)
          }
          if (others.children.length > 0) prose(section.id, others)
        } else prose(section.id, node)
        break
      }
      case 'models':
      case 'datasets':
      case 'methods': {
        if (node.type === 'table') list.tables.push(readTable(node, section, at))
        else prose(section.id, node)
        break
      }
      case 'tools': {
        const tools = readTools(node)
        if (tools.length > 0) list.tools.push(...tools)
        else prose(section.id, node)
        break
      }
      default:
        prose(section.id, node)
    }
  }

  return list

  function prose(section: RawSection['id'] | undefined, node: RootContent): void {
    // Link definitions are resolved by the parser already; raw HTML stays for the sanitizer to judge.
    if (node.type === 'definition') return
    const last = list.prose[list.prose.length - 1]
    if (last && last.section === section) last.nodes.push(node)
    else list.prose.push({section, nodes: [node]})
  }
}

import {toString} from 'mdast-util-to-string'
import type {Root, RootContent} from 'mdast'
import {classifySection, datasetRole} from './section.ts'
import GithubSlugger from 'github-slugger'
import {SlugRegistry, slugify} from '../util/slug.ts'
import type {RawList, RawSection} from '../types.ts'

/** A section with the blocks directly under its heading (not its subsections'), or, without one, what precedes the title. */
export interface Block {
  section: RawSection | undefined
  nodes: RootContent[]
}

/**
 * Walks the top level of the README once, keeping a stack of the headings above each block. It sets
 * the list's title, intro and sections, and returns each section's blocks in the README's order.
 */
export function outline(tree: Root, list: RawList): Block[] {
  const ids = new SlugRegistry()
  // Every heading takes its GitHub anchor in order, the title's too, so that a repeated heading gets `-1`.
  const anchors = new GithubSlugger()
  const stack: RawSection[] = []
  const blocks: Block[] = []

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const anchor = anchors.slug(toString(node))
      const title = toString(node).replace(/\s+/g, ' ').trim()
      // `# Contents` first is no title: the list's name is then in an HTML `<h1>`, read below.
      if (node.depth === 1 && list.title === '' && list.sections.length === 0 && title !== '' && classifySection(title, undefined) !== 'contents') {
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
        position: node.position,
        anchor
      }
      list.sections.push(section)
      stack.push(section)
      blocks.push({section, nodes: []})
      continue
    }

    const section = stack[stack.length - 1]
    if (section) blocks[blocks.length - 1]!.nodes.push(node)
    else if (node.type === 'definition') continue
    else if (list.title === '') blocks.push({section: undefined, nodes: [node]})
    else list.intro.push(node)
  }
  list.title ||= htmlTitle(blocks)
  return blocks
}

/** `<div align="center"><h1>Awesome LLM Compression</h1>…`: a title written in HTML before the first heading. */
function htmlTitle(blocks: Block[]): string {
  for (const block of blocks) {
    if (block.section) break
    for (const node of block.nodes) {
      const h1 = node.type === 'html' ? /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(node.value) : null
      const text = h1?.[1]?.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()
      if (text) return text
    }
  }
  return ''
}

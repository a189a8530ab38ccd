import {toString} from 'mdast-util-to-string'
import type {ListItem, PhrasingContent} from 'mdast'
import type {Locator} from './place.ts'
import type {Id, Link, RawPaper} from '../types.ts'

/** `[12] Title`, `[] Title`: the opening of a paper entry. */
const opening = /^\[\s*(\d*)\s*\]/

/** Is this list item a paper entry? Only items that open with `[N]` or `[]` are. */
export function isPaperEntry(item: ListItem): boolean {
  const first = item.children[0]
  return first?.type === 'paragraph' && opening.test(toString(first).trimStart())
}

/**
 * Reads a paper entry:
 *
 *     - [1] Title
 *       Arxiv, [Paper](https://arxiv.org/pdf/2402.02834), [Code](https://github.com/…)
 *
 * The first line is the number and title; the second holds the venue, then the links.
 */
export function readPaperEntry(item: ListItem, section: Id, at: Locator): RawPaper {
  const paragraph = item.children[0]
  const inline: PhrasingContent[] = paragraph?.type === 'paragraph' ? paragraph.children : []
  const {titleNodes, metaNodes} = splitAtFirstLineBreak(inline)

  const titleLine = titleNodes.map((node) => toString(node)).join('')
  const match = opening.exec(titleLine.trimStart())
  const digits = match?.[1] ?? ''
  const title = titleLine.trimStart().slice(match?.[0].length ?? 0).trim()

  let titlePosition: RawPaper['titlePosition']
  const start = paragraph?.position?.start.offset
  if (start !== undefined && title !== '') {
    const from = at.source.indexOf(title.slice(0, 20), start)
    if (from !== -1) titlePosition = at.span(from, from + title.length)
  }

  const links: Link[] = []
  let venue = ''
  for (const node of metaNodes) {
    if (node.type === 'link') {
      links.push({label: toString(node).trim(), href: node.url, position: node.position})
    } else if (links.length === 0) {
      venue += toString(node)
    }
  }

  return {
    number: digits === '' ? undefined : Number(digits),
    title,
    venue: venue.replace(/[\s,;:|-]+$/, '').trim(),
    links,
    labels: [],
    summary: undefined,
    section,
    position: item.position,
    titlePosition: titlePosition ?? paragraph?.position
  }
}

/** Splits a paragraph's inline nodes at the first line ending that sits in plain text. */
function splitAtFirstLineBreak(nodes: PhrasingContent[]): {titleNodes: PhrasingContent[]; metaNodes: PhrasingContent[]} {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!
    if (node.type === 'break') {
      return {titleNodes: nodes.slice(0, index), metaNodes: nodes.slice(index + 1)}
    }
    if (node.type === 'text') {
      const newline = node.value.indexOf('\n')
      if (newline !== -1) {
        const before: PhrasingContent = {type: 'text', value: node.value.slice(0, newline)}
        const after: PhrasingContent = {type: 'text', value: node.value.slice(newline + 1)}
        return {
          titleNodes: [...nodes.slice(0, index), before],
          metaNodes: [after, ...nodes.slice(index + 1)]
        }
      }
    }
  }
  // A one-line entry: the title runs up to the first link.
  const firstLink = nodes.findIndex((node) => node.type === 'link')
  if (firstLink === -1) return {titleNodes: nodes, metaNodes: []}
  return {titleNodes: nodes.slice(0, firstLink), metaNodes: nodes.slice(firstLink)}
}

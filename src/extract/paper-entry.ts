import {toString} from 'mdast-util-to-string'
import type {ListItem, Nodes, Paragraph, PhrasingContent} from 'mdast'
import type {Locator} from './place.ts'
import {placed} from './paper-places.ts'
import type {Id, Link, RawField, RawFieldKind, RawPaper} from '../types.ts'
import {SKIP, visit} from 'unist-util-visit'

/** `[12] Title`, `[] Title`: the opening of a paper entry. */
const opening = /^\[\s*(\d*)\s*\]/

/** `12] Title` (no `[`) or `[12 Title` (no `]`): an entry whose number lost a bracket, which is reported rather than guessed. */
export const brokenNumber = /^(\d+\]|\[\s*\d+(?=\s+\p{L}))\s*\p{L}/u

/** `Label:`, `TL;DR:`, `Published in:`: the key of a sub-bullet. */
const keyPattern = /^\s*([A-Za-z][A-Za-z ;&/.-]{0,30}?)\s*:/

/** Sub-bullet keys, by what they hold. Anything else with links in it adds links; anything else is unknown. */
const keys: Array<[RawFieldKind, RegExp]> = [
  ['labels', /^(labels?|tags?|keywords?|topics?)$/i],
  ['summary', /^(summary|tl;?\s?dr|abstract|description|notes?)$/i],
  ['publication', /^(publication|published(\s+(in|at))?|venue|conference|journal)$/i]
]

/** Is this list item a paper entry? Items that open with `[N]` or `[]` are, and so is a task item `[ ]`. */
export function isPaperEntry(item: ListItem): boolean {
  const first = item.children[0]
  if (first?.type !== 'paragraph') return false
  // `- [ ] Title` is a GFM task item: the parser has already taken the brackets away.
  return item.checked === false || opening.test(toString(first).trimStart())
}

/**
 * Reads a paper entry in any of the forms the list uses:
 *
 *     - [1] Title
 *       Arxiv, [Paper](https://arxiv.org/pdf/2402.02834), [Code](https://github.com/…)
 *       - Label: Structure Pruning, Depth Pruning
 *       - Summary: One or two sentences.
 *
 *     - [] Title
 *       - Publication: ICML23, [Paper](https://proceedings.mlr.press/…)
 *
 * The first line is the number and title; the venue and links follow on the next line or in a
 * `Publication:` sub-bullet; `Label:` and `Summary:` sub-bullets add labels and a summary.
 */
export function readPaperEntry(item: ListItem, section: Id, at: Locator): RawPaper {
  const [first, ...rest] = item.children
  const paragraph = first?.type === 'paragraph' ? first : undefined
  const {titleNodes, metaNodes} = splitAtFirstLineBreak(paragraph?.children ?? [])

  const titleLine = toString(titleNodes).trimStart()
  const match = item.checked === false ? null : opening.exec(titleLine)
  const digits = match?.[1] ?? ''

  // The title runs up to the first link of its line; a title that is itself a link is the paper's link.
  // Images (badges) are not part of a title.
  const links: Link[] = []
  const firstLink = titleNodes.findIndex((node) => node.type === 'link')
  let title = toString(textOnly(firstLink === -1 ? titleNodes : titleNodes.slice(0, firstLink))).trimStart().slice(match?.[0].length ?? 0).trim()
  let meta = [...(firstLink === -1 ? [] : titleNodes.slice(firstLink)), ...metaNodes]
  const head = meta[0]
  if (title === '' && head?.type === 'link') {
    links.push({label: 'Paper', href: head.url, position: head.position})
    // `[SparseGPT](https://…): Massive Language Models…`: what follows the link on its line, up to the
    // next link, is the rest of the title, unless a comma starts the venue (`[Title](…), Arxiv, …`).
    const after = titleNodes.slice(firstLink + 1)
    const next = after.findIndex((node) => node.type === 'link')
    const tail = after.slice(0, next === -1 ? after.length : next)
    const tailText = toString(textOnly(tail))
    const goesOn = tailText.trim() !== '' && !/^\s*[,;]/.test(tailText)
    // A badge inside the link (`[![arXiv](…)](…)`) is not the title.
    title = `${toString(textOnly(head.children))}${goesOn ? tailText : ''}`.replace(/\s+/g, ' ').trim().replace(/[\s,;]+$/, '')
    meta = [...(goesOn ? after.slice(tail.length) : after), ...metaNodes]
  }

  const fields: RawField[] = []
  const venues: string[] = []
  if (meta.some((node) => toString(node).trim() !== '' || node.type === 'link')) {
    fields.push(publicationLine(meta, paragraph, at))
    venues.push(venueText(meta))
    links.push(...linksIn(meta))
  }
  for (const child of rest) {
    // A blank line between the title and the venue line makes the venue line a paragraph of its own.
    if (child.type === 'paragraph' && fields.length === 0) {
      fields.push(publicationLine(child.children, child, at))
      venues.push(venueText(child.children))
      links.push(...linksIn(child.children))
      continue
    }
    const items = child.type === 'list' ? child.children : []
    for (const sub of items) {
      for (const field of readFields(sub, at)) {
        fields.push(field.field)
        if (field.field.kind === 'publication') venues.push(field.venue)
        // A link in a summary or among labels ("improves on [Wanda](…)") is about another paper.
        if (field.field.kind !== 'summary' && field.field.kind !== 'labels') links.push(...field.links)
      }
    }
  }

  const labels: string[] = []
  for (const field of fields) {
    if (field.kind !== 'labels') continue
    for (const label of splitLabels(field.text)) if (!labels.some((l) => l.toLowerCase() === label.toLowerCase())) labels.push(label)
  }

  return placed(
    {
    number: digits === '' ? undefined : Number(digits),
    title,
    venue: venues.find((venue) => venue !== '') ?? '',
    links,
    labels,
    summary: fields.find((field) => field.kind === 'summary' && field.text !== '')?.text,
    fields,
    section,
    position: item.position,
    titlePosition: titlePosition(title, paragraph, at) ?? paragraph?.position,
    numberPosition: match ? numberPosition(paragraph, at) : undefined
    },
    at
  )
}

/** Phrasing without images: a badge's alt text is not part of a title. */
function textOnly(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.filter((node) => node.type !== 'image' && node.type !== 'imageReference')
}

/** The labels of a `Label:` value: comma- or semicolon-separated, blanks dropped. */
export function splitLabels(text: string): string[] {
  return text.split(/[,;]/).map((label) => label.replace(/\s+/g, ' ').trim()).filter((label) => label !== '')
}

type ReadField = {field: RawField; venue: string; links: Link[]}

/**
 * A sub-bullet, and the known fields nested inside it. Indentation that differs from line to line
 * (`  - Label:` then `    - Summary:`, or a tab) nests a field inside the one above it; such a field is
 * read as its own, marked `nestedIn`, instead of running into the value above. Nested bullets without a
 * known key (points of a summary) stay part of the value.
 */
function readFields(item: ListItem, at: Locator, parent?: string): ReadField[] {
  // A nested bullet is a field of its own when it has a key the site reads, or a key and a link
  // (`- Code: [GitHub](…)`); under a summary, a summary-like key (`- Note: …`) is one of its points.
  const underSummary = knownKind(item) === 'summary'
  const ownField = (sub: ListItem) => {
    const kind = knownKind(sub)
    if (kind === 'summary') return !underSummary
    return kind !== undefined || keyedLink(sub)
  }
  const nested = item.children.flatMap((child) => (child.type === 'list' ? child.children.filter(ownField) : []))
  const field = readField(item, at, new Set(nested))
  if (parent !== undefined) field.field.nestedIn = parent
  // Recursive on the tree's depth, which `findDeepNode` (parse/guard.ts) has capped before this runs.
  return [field, ...nested.flatMap((sub) => readFields(sub, at, field.field.key ? `${field.field.key}:` : field.field.text.slice(0, 20)))]
}

/** `- Code: [GitHub](https://…)`: a key, then a link. */
function keyedLink(item: ListItem): boolean {
  const paragraph = item.children[0]
  return paragraph?.type === 'paragraph' && keyPattern.test(toString(paragraph)) && paragraph.children.some((node) => node.type === 'link')
}

/** The kind of a sub-bullet whose key the site knows (Label, Summary, Publication), else undefined. */
function knownKind(item: ListItem): RawFieldKind | undefined {
  const paragraph = item.children[0]
  if (paragraph?.type !== 'paragraph') return undefined
  const key = keyPattern.exec(toString(paragraph))?.[1]?.trim() ?? ''
  return keys.find(([, pattern]) => pattern.test(key))?.[0]
}

function readField(item: ListItem, at: Locator, skip: ReadonlySet<ListItem> = new Set()): ReadField {
  const paragraph = item.children.find((child): child is Paragraph => child.type === 'paragraph')
  const nodes = paragraph?.children ?? []
  const text = (child: Nodes): string => (child.type === 'list' ? child.children.filter((sub) => !skip.has(sub)).map(text).join(' ') : toString(child))
  const all = item.children.map(text).join(' ').replace(/\s+/g, ' ').trim()
  const key = keyPattern.exec(all)
  const keyText = key?.[1]?.trim() ?? ''
  const value = key ? all.slice(key[0].length).trim() : all
  const links = linksIn(nodes)
  const kind: RawFieldKind = keys.find(([, pattern]) => pattern.test(keyText))?.[0] ?? (links.length > 0 ? 'links' : 'unknown')
  const linkAt = nodes.findIndex((node) => node.type === 'link')
  const lead = toString(linkAt === -1 ? nodes : nodes.slice(0, linkAt))
  return {
    field: {
      kind,
      key: keyText,
      text: value,
      trailingComma: kind === 'summary' ? undefined : trailingComma(paragraph, at),
      position: paragraph?.position ?? item.position
    },
    venue: kind === 'publication' ? cleanVenue(key ? lead.replace(keyPattern, '') : lead) : '',
    links
  }
}

/** The venue-and-links line under the title, as a field without a key. */
function publicationLine(nodes: PhrasingContent[], paragraph: Paragraph | undefined, at: Locator): RawField {
  const text = toString(nodes).replace(/\s+/g, ' ').trim()
  const start = nodes.find((node) => node.position)?.position?.start
  return {
    kind: 'publication',
    key: '',
    text,
    trailingComma: trailingComma(paragraph, at),
    position: paragraph?.position && start ? {start, end: paragraph.position.end} : paragraph?.position
  }
}

/** The venue: the text before the first link, without the punctuation that separates it from the links. */
function venueText(nodes: PhrasingContent[]): string {
  const firstLink = nodes.findIndex((node) => node.type === 'link')
  return cleanVenue(toString(firstLink === -1 ? nodes : nodes.slice(0, firstLink)))
}

function cleanVenue(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\s,;:|-]+$/, '').replace(/^[\s,;:|-]+/, '').trim()
}

function linksIn(nodes: PhrasingContent[]): Link[] {
  const links: Link[] = []
  // The tree's depth is capped by `findDeepNode` (parse/guard.ts) before this runs.
  for (const node of nodes) {
    visit(node, 'link', (link) => {
      links.push({label: toString(link).replace(/\s+/g, ' ').trim(), href: link.url, position: link.position})
      return SKIP
    })
  }
  return links
}

/** A comma that ends a paragraph with nothing after it. */
function trailingComma(paragraph: Paragraph | undefined, at: Locator): RawField['trailingComma'] {
  const end = paragraph?.position?.end.offset
  const start = paragraph?.position?.start.offset
  if (end === undefined || start === undefined) return undefined
  let i = end
  while (i > start && /\s/.test(at.source.charAt(i - 1))) i--
  return at.source.charAt(i - 1) === ',' ? at.span(i - 1, i) : undefined
}

/**
 * Where the title is written, searched for within its paragraph only: a title whose markup the text drops
 * (`*Sparse* GPT`) is not found as written, and the search once ran on into a later entry that happened to
 * spell it, pointing a diagnostic there. Not found, the entry's first paragraph stands for it.
 */
function titlePosition(title: string, paragraph: Paragraph | undefined, at: Locator): RawPaper['titlePosition'] {
  const start = paragraph?.position?.start.offset
  const end = paragraph?.position?.end.offset
  if (start === undefined || end === undefined || title === '') return undefined
  const within = at.source.slice(start, end).indexOf(title.slice(0, 20))
  return within === -1 ? undefined : at.span(start + within, start + within + title.length)
}

/**
 * The `[N]` that opens the paragraph. One written `&#91;1]` reads as `[1]` but has no `[` in the source: it
 * has no place of its own, and the search must not run on to the next `[` (a link, or the next entry's number).
 */
function numberPosition(paragraph: Paragraph | undefined, at: Locator): RawPaper['numberPosition'] {
  const start = paragraph?.position?.start.offset
  const end = paragraph?.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const text = at.source.slice(start, end)
  const open = /^\s*\[/.exec(text)?.[0].length
  const close = open === undefined ? -1 : text.indexOf(']', open)
  return open === undefined || close === -1 ? undefined : at.span(start + open - 1, start + close + 1)
}

/** Splits a paragraph's inline nodes at the first line ending that sits in plain text. */
function splitAtFirstLineBreak(nodes: PhrasingContent[]): {titleNodes: PhrasingContent[]; metaNodes: PhrasingContent[]} {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!
    if (node.type === 'break') {
      return {titleNodes: nodes.slice(0, index), metaNodes: nodes.slice(index + 1)}
    }
    if (node.type === 'text') {
      // Lines end at LF, CRLF or a lone CR, as they do for the parser.
      const ending = /\r\n|\r|\n/.exec(node.value)
      if (ending) {
        const before: PhrasingContent = {type: 'text', value: node.value.slice(0, ending.index)}
        const after: PhrasingContent = {type: 'text', value: node.value.slice(ending.index + ending[0].length)}
        return {
          titleNodes: [...nodes.slice(0, index), before],
          metaNodes: [after, ...nodes.slice(index + 1)]
        }
      }
    }
  }
  return {titleNodes: nodes, metaNodes: []}
}

/**
 * The `- Label:`, `- Summary:`, `- Publication:` sub-bullets of a list item whose first line another
 * form reads, as this form reads them: the fields, the first venue, and the links outside summaries and labels.
 */
export function readSubBullets(item: ListItem, at: Locator): {fields: RawField[]; venue: string; links: Link[]} {
  const fields: RawField[] = []
  const links: Link[] = []
  let venue = ''
  for (const child of item.children.slice(1)) {
    if (child.type !== 'list') continue
    for (const sub of child.children) {
      for (const field of readFields(sub, at)) {
        fields.push(field.field)
        if (field.field.kind === 'publication' && venue === '') venue = field.venue
        if (field.field.kind !== 'summary' && field.field.kind !== 'labels') links.push(...field.links)
      }
    }
  }
  return {fields, venue, links}
}

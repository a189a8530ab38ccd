import {toHast} from 'mdast-util-to-hast'
import {defaultSchema, sanitize, type Schema} from 'hast-util-sanitize'
import {toHtml} from 'hast-util-to-html'
import type {Root as HastRoot, Element, Nodes as HastNodes} from 'hast'
import type {RootContent} from 'mdast'
import {allowedSchemes, isSafeUrl} from '../util/url.ts'
import {visit} from 'unist-util-visit'

/**
 * GitHub's sanitizing schema, narrowed: links only to http(s) and mailto, images only over https,
 * and no names or classes from the README (they could clash with the page's own). Ids are kept only
 * because `harden` then puts every one of them under the block's own prefix.
 */
const schema: Schema = {
  ...defaultSchema,
  protocols: {href: [...allowedSchemes], src: ['https']},
  clobber: [],
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((name) => !['name', 'className'].includes(String(name)))
  }
}

/**
 * Markdown the graph does not model (the intro, unknown sections) as safe HTML.
 * Raw HTML in the README is dropped by `toHast` and never reaches the page; what is left goes
 * through the sanitizer anyway, so a `javascript:` link written in markdown is removed too.
 */
export function proseToHtml(nodes: RootContent[]): string {
  // toHast, sanitize, toHtml and the walkers below recurse once per level: the prose comes from a tree whose
  // depth `findDeepNode` (parse/guard.ts) capped before the graph was made.
  // Footnote ids are made unique per block: a page shows several blocks, each may have footnotes.
  const prefix = `note-${nodes[0]?.position?.start.offset ?? 0}-`
  const tree = toHast({type: 'root', children: nodes}, {clobberPrefix: '', footnoteLabelTagName: 'p', footnoteLabelProperties: {className: ['footnotes-label']}}) as HastRoot
  const clean = sanitize(tree, schema) as HastRoot
  const ids = new Set<string>()
  harden(clean, prefix, ids)
  dropDangling(clean, ids)
  return toHtml(clean)
}

/**
 * External links open no window handle back to us; links the allow-list rejects lose their href.
 * Ids and in-block fragment links get the block's prefix; deprecated `align` becomes a class;
 * a task-list checkbox is named by its item's text.
 */
function harden(node: HastNodes, prefix: string, ids: Set<string>): void {
  if (node.type === 'element') {
    const element = node as Element
    const properties = element.properties
    if (typeof properties['id'] === 'string') {
      properties['id'] = prefix + properties['id']
      ids.add(properties['id'])
    }
    if (element.tagName === 'a') {
      const href = properties['href']
      if (typeof href === 'string' && href.startsWith('#')) properties['href'] = `#${prefix}${href.slice(1)}`
      else if (typeof href !== 'string' || !isSafeUrl(href)) delete properties['href']
      else properties['rel'] = ['noopener', 'noreferrer']
      const described = properties['ariaDescribedBy']
      if (Array.isArray(described)) properties['ariaDescribedBy'] = described.map((id) => prefix + String(id))
    }
    if (typeof properties['align'] === 'string') {
      properties['className'] = [`align-${properties['align']}`]
      delete properties['align']
    }
    if (element.tagName === 'img') {
      // The sanitizer lets relative and protocol-relative sources through (`//host/x`, `../x`): they would
      // load from another host over plain http, or point at no file on this site. Only https images stay.
      const src = properties['src']
      if (typeof src !== 'string' || !isSafeUrl(src) || !src.toLowerCase().startsWith('https:')) delete properties['src']
    }
    if (element.tagName === 'li') {
      const box = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'input')
      if (box) box.properties['ariaLabel'] = text(element).trim() || 'Task'
    }
    // Sub-headings from the README sit under the page's own heading.
    const level = /^h([1-6])$/.exec(element.tagName)?.[1]
    if (level) element.tagName = `h${Math.min(6, Number(level) + 1)}`
  }
  // Recursive on the tree's depth, which `findDeepNode` (parse/guard.ts) has capped before this runs.
  if ('children' in node) {
    for (const child of node.children) harden(child as HastNodes, prefix, ids)
    // An image whose source was refused shows its alt text instead (an <img> with no src is invalid).
    node.children = node.children.map((child) =>
      child.type === 'element' && child.tagName === 'img' && child.properties['src'] === undefined
        ? {type: 'text', value: String(child.properties['alt'] ?? '')}
        : child
    ) as typeof node.children
  }
}

/** A fragment link or description that points at nothing in its block is dropped, never left dangling. */
function dropDangling(node: HastNodes, ids: Set<string>): void {
  visit(node, 'element', (element: Element) => {
    const properties = element.properties
    const href = properties['href']
    if (typeof href === 'string' && href.startsWith('#') && !ids.has(href.slice(1))) delete properties['href']
    const described = properties['ariaDescribedBy']
    if (Array.isArray(described)) {
      const kept = described.filter((id) => ids.has(String(id)))
      if (kept.length > 0) properties['ariaDescribedBy'] = kept
      else delete properties['ariaDescribedBy']
    }
    if (properties['ariaLabel'] !== undefined && element.tagName === 'a' && properties['href'] === undefined) delete properties['ariaLabel']
  })
}

function text(node: HastNodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return node.children.map((child) => text(child as HastNodes)).join('')
  return ''
}

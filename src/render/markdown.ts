import {toHast} from 'mdast-util-to-hast'
import {defaultSchema, sanitize, type Schema} from 'hast-util-sanitize'
import {toHtml} from 'hast-util-to-html'
import type {Root as HastRoot, Element, Nodes as HastNodes} from 'hast'
import type {RootContent} from 'mdast'
import {isSafeUrl} from '../url.ts'

/**
 * GitHub's sanitizing schema, narrowed: links only to http(s) and mailto, images only over https,
 * and no ids or classes from the README (they could clash with the page's own).
 */
const schema: Schema = {
  ...defaultSchema,
  protocols: {href: ['http', 'https', 'mailto'], src: ['https']},
  clobber: [],
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((name) => !['id', 'name', 'className'].includes(String(name)))
  }
}

/**
 * Markdown the graph does not model (the intro, unknown sections) as safe HTML.
 * Raw HTML in the README is dropped by `toHast` and never reaches the page; what is left goes
 * through the sanitizer anyway, so a `javascript:` link written in markdown is removed too.
 */
export function proseToHtml(nodes: RootContent[]): string {
  const tree = toHast({type: 'root', children: nodes}) as HastRoot
  const clean = sanitize(tree, schema) as HastRoot
  hardenLinks(clean)
  return toHtml(clean)
}

/** External links open no window handle back to us; links the allow-list rejects lose their href. */
function hardenLinks(node: HastNodes): void {
  if (node.type === 'element') {
    const element = node as Element
    if (element.tagName === 'a') {
      const href = element.properties['href']
      if (typeof href !== 'string' || !isSafeUrl(href)) delete element.properties['href']
      else element.properties['rel'] = ['noopener', 'noreferrer']
    }
    // Sub-headings from the README sit under the page's own heading.
    const level = /^h([1-6])$/.exec(element.tagName)?.[1]
    if (level) element.tagName = `h${Math.min(6, Number(level) + 1)}`
  }
  if ('children' in node) for (const child of node.children) hardenLinks(child as HastNodes)
}

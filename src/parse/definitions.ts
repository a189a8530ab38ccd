import type {Nodes, Root} from 'mdast'
import {normalizeIdentifier} from 'micromark-util-normalize-identifier'

/**
 * Link reference definitions (`[id]: url`) and footnote definitions (`[^id]: …`) apply to the
 * whole document, and micromark only makes `[id]` a reference when `id` is defined. A piece parsed
 * alone cannot see definitions in other pieces, so it is parsed again after a prelude that defines
 * the identifiers it mentions; the prelude's own nodes are then dropped.
 */
export interface Definitions {
  links: Set<string>
  footnotes: Set<string>
}

/** A definition needs `]:` in the source; without one there is nothing to resolve across pieces. */
export function mayDefine(text: string): boolean {
  return text.includes(']:')
}

/**
 * Adds a tree's definitions. Iterative: it runs on the parsed pieces before the depth guard
 * (`findDeepNode`) has seen them, so the tree may be nested as deep as the README makes it.
 */
export function collectDefinitions(tree: Root, into: Definitions): void {
  const pending: Nodes[] = [tree]
  while (pending.length > 0) {
    const node = pending.pop()!
    if (node.type === 'definition') into.links.add(node.identifier)
    else if (node.type === 'footnoteDefinition') into.footnotes.add(node.identifier)
    if ('children' in node) for (const child of node.children) pending.push(child)
  }
}

/**
 * The prelude: one definition per identifier, then an HTML comment, which closes any footnote
 * container so that the piece's first line starts at the top level, as it does in the README.
 * Identifiers are normalized raw source, so writing them back yields the same identifiers.
 */
export function prelude(definitions: Definitions): string {
  let text = ''
  for (const id of definitions.links) text += `[${id}]: #\n`
  for (const id of definitions.footnotes) text += `[^${id}]: x\n`
  return text === '' ? '' : `${text}<!---->\n`
}

/** A label is at most 999 characters (CommonMark). */
const maxLabel = 999

/**
 * The README's identifiers this piece may refer to. A reference's label is always the text of a bracket
 * pair with no unescaped bracket inside (`[id]`, `[text][id]`, `[id][]`, `[^id]`), so each such pair is
 * looked up as micromark compares labels. Looking up only these, rather than giving every piece every
 * identifier, keeps 100,000 definitions from being parsed again before each of thousands of pieces.
 */
export function mentioned(text: string, definitions: Definitions): Definitions {
  const found: Definitions = {links: new Set(), footnotes: new Set()}
  let open = -1
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 92 /* \ */) i++
    else if (code === 91 /* [ */) open = i
    else if (code === 93 /* ] */ && open !== -1) {
      if (i - open - 1 <= maxLabel) {
        const label = text.slice(open + 1, i)
        const id = normalize(label)
        if (definitions.links.has(id)) found.links.add(id)
        if (label.startsWith('^') && definitions.footnotes.has(normalize(label.slice(1)))) found.footnotes.add(normalize(label.slice(1)))
      }
      open = -1
    }
  }
  return found
}

/** An identifier as mdast-util-from-markdown stores it: micromark's normalized form, lower-cased. */
function normalize(value: string): string {
  return normalizeIdentifier(value).toLowerCase()
}

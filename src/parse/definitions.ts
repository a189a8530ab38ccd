import type {Nodes, Root} from 'mdast'

/**
 * Link reference definitions (`[id]: url`) and footnote definitions (`[^id]: …`) apply to the
 * whole document, and micromark only makes `[id]` a reference when `id` is defined. A piece parsed
 * alone cannot see definitions in other pieces, so it is parsed again after a prelude that defines
 * every identifier of the README; the prelude's own nodes are then dropped.
 */
export interface Definitions {
  links: Set<string>
  footnotes: Set<string>
}

/** A definition needs `]:` in the source; without one there is nothing to resolve across pieces. */
export function mayDefine(text: string): boolean {
  return text.includes(']:')
}

export function collectDefinitions(tree: Root, into: Definitions): void {
  visit(tree)
  function visit(node: Nodes): void {
    if (node.type === 'definition') into.links.add(node.identifier)
    else if (node.type === 'footnoteDefinition') into.footnotes.add(node.identifier)
    if ('children' in node) for (const child of node.children) visit(child)
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

/** Could this piece mention one of the identifiers? Compared as micromark compares them. */
export function mentionsAny(text: string, definitions: Definitions): boolean {
  if (!text.includes('[')) return false
  const normal = normalize(text)
  for (const id of definitions.links) if (normal.includes(normalize(id))) return true
  for (const id of definitions.footnotes) if (normal.includes(normalize(id))) return true
  return false
}

/** micromark-util-normalize-identifier, without the trim (a substring test needs none). */
function normalize(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').toLowerCase().toUpperCase()
}

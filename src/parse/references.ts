import type {Definition, Nodes, Root, RootContent} from 'mdast'
import {preorder} from './walk.ts'

/** The mdast nodes (with GFM) whose children are flow content, where definitions are. */
const flowContainers = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition'])

/**
 * Turns reference-style links and images (`[text][ref]`, `![alt][ref]`, `[ref]`) into plain links
 * and images, using the README's definitions (`[ref]: https://…`). Every later stage then sees one
 * kind of link: a paper entry may write its links either way, and prose rendered block by block
 * no longer loses links whose definition sits elsewhere in the file. The first definition of a
 * label wins, as in CommonMark. The tree is not changed: parsed pieces may be cached and shared,
 * so a node with a reference below it is copied, and the rest is reused.
 */
export function resolveReferences(tree: Root): Root {
  const definitions = new Map<string, Definition>()
  collect(tree)
  return definitions.size === 0 ? tree : (replace(tree) as Root)

  function collect(node: Nodes): void {
    preorder(node, (child) => {
      if (child.type === 'definition' && !definitions.has(child.identifier)) definitions.set(child.identifier, child)
      // A definition is flow content: only the containers of flow content can hold one, so the walk
      // never enters a paragraph, heading or table, where most of a list's nodes are.
      return flowContainers.has(child.type)
    })
  }

  function replace(node: Nodes): Nodes {
    if (node.type === 'linkReference') {
      const definition = definitions.get(node.identifier)
      const children = node.children.map((child) => replace(child)) as typeof node.children
      if (definition) return {type: 'link', url: definition.url, title: definition.title, children, position: node.position}
      return {...node, children}
    }
    if (node.type === 'imageReference') {
      const definition = definitions.get(node.identifier)
      return definition ? {type: 'image', url: definition.url, title: definition.title, alt: node.alt, position: node.position} : node
    }
    if (!('children' in node)) return node
    let changed = false
    const children = node.children.map((child) => {
      const next = replace(child as Nodes)
      if (next !== child) changed = true
      return next
    })
    return changed ? ({...node, children: children as RootContent[]} as Nodes) : node
  }
}

import type {Nodes, Root} from 'mdast'
import type {Position} from 'unist'

/**
 * Gives every node a position: a node the parser's extensions made without one (a GFM autolink found in
 * text next to an escape, `[\](http://…)`) takes its parent's, so a diagnostic about it still points
 * into the file. The tree is not changed (parsed pieces may be cached and shared): a node without a
 * position, and the nodes above it, are copied.
 */
export function inheritPositions(tree: Root): Root {
  return fill(tree, tree.position) as Root

  function fill(node: Nodes, inherited: Position | undefined): Nodes {
    const own = node.position ?? inherited
    let changed = node.position === undefined && own !== undefined
    let children: Nodes[] | undefined
    // Recursive on the tree's depth, which `findDeepNode` (parse/guard.ts) has capped before this runs.
    if ('children' in node) {
      children = node.children.map((child) => {
        const next = fill(child as Nodes, own)
        if (next !== child) changed = true
        return next
      })
    }
    if (!changed) return node
    return {...node, position: own, ...(children ? {children} : {})} as Nodes
  }
}

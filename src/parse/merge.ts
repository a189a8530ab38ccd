import type {List, Nodes, Root, RootContent} from 'mdast'
import type {Point, Position} from 'unist'
import {lineEndings} from './pieces.ts'

/** How a piece's coordinates map onto the README's. Columns never change: pieces start at a line start. */
export interface Shift {
  lines: number
  offset: number
  /** Nodes that start before this piece-local offset belong to a prelude and are dropped. */
  skip: number
}

/**
 * A copy of a piece's top-level nodes in README coordinates. The cached tree is never changed,
 * so the same piece can serve the next build.
 */
export function placeNodes(tree: Root, shift: Shift): RootContent[] {
  const nodes: RootContent[] = []
  for (const child of tree.children) {
    if ((child.position?.start.offset ?? 0) < shift.skip) continue
    nodes.push(copy(child, shift) as RootContent)
  }
  return nodes
}

/**
 * A node and everything below it, moved by `shift`. Iterative, with a stack of its own: this runs before
 * the depth guard (`findDeepNode`) has seen the tree, on input nested as deep as the README makes it, and
 * a recursive copy overflowed the call stack at about 3,000 nested emphases.
 */
function copy(node: Nodes, shift: Shift): Nodes {
  const top = moved(node, shift)
  // Copies whose children are still the cached originals.
  const pending: Nodes[] = [top]
  while (pending.length > 0) {
    const parent = pending.pop()!
    if (!('children' in parent)) continue
    const children = parent.children.map((child) => moved(child, shift))
    ;(parent as {children: Nodes[]}).children = children
    for (const child of children) pending.push(child)
  }
  return top
}

/** The cached node each list item placed here was copied from. */
const originals = new WeakMap<Nodes, Nodes>()

/**
 * The node of a parsed piece that `item` was copied from, when `item` is a list item placed by the split
 * parse and nothing has copied it since (resolving a reference below it does): the same original means the
 * same text, parsed the same way, with only its place in the README moved.
 */
export function originalOf(item: Nodes): Nodes | undefined {
  return originals.get(item)
}

/** A shallow copy of a node in README coordinates. */
function moved(node: Nodes, shift: Shift): Nodes {
  const out = {...node} as Nodes
  if (node.position) out.position = movePosition(node.position, shift)
  if (node.type === 'listItem') originals.set(out, node)
  return out
}

function movePosition(position: Position, shift: Shift): Position {
  return {start: movePoint(position.start, shift), end: movePoint(position.end, shift)}
}

export function movePoint(point: Point, shift: Shift): Point {
  return {line: point.line + shift.lines, column: point.column, offset: point.offset === undefined ? undefined : point.offset + shift.offset}
}

/**
 * Appends a piece's nodes to the document. A piece that opens with a bullet item continues the
 * list the previous piece ended with, when the whole-file parse would: same marker, nothing between.
 * The joined list is loose (`spread`) when either part is, or when a blank line separates the parts,
 * as mdast-util-from-markdown decides it.
 */
export function append(children: RootContent[], nodes: RootContent[], source: string): void {
  const last = children[children.length - 1]
  const first = nodes[0]
  if (last?.type === 'list' && first?.type === 'list' && continues(last, first, source)) {
    const before = last.children[last.children.length - 1]
    const after = first.children[0]
    const between = source.slice(before?.position?.end.offset ?? 0, after?.position?.start.offset ?? 0)
    last.spread = Boolean(last.spread || first.spread || lineEndings(between) > 1)
    last.children.push(...first.children)
    if (last.position && first.position) last.position = {start: last.position.start, end: first.position.end}
    nodes = nodes.slice(1)
  }
  for (const node of nodes) children.push(node)
}

function continues(last: List, first: List, source: string): boolean {
  if (last.ordered || first.ordered) return false
  return marker(last, source) === marker(first, source)
}

function marker(list: List, source: string): string {
  let at = list.children[0]?.position?.start.offset ?? 0
  while (source.charCodeAt(at) === 32) at++
  return source.charAt(at)
}

import type {Nodes, Root} from 'mdast'

/**
 * A piece whose text differs from a parsed one only in the digits of bracketed numbers (`[2]` where it had
 * `[3]`, each the same length): what a paper inserted near the top does to every entry after it, and to the
 * tables that cite them. Such a piece is not parsed again: the parsed piece's tree is copied with the
 * changed digits written into it, when that is certain to give the tree a parse would. The base and head of
 * a pull request's diff, and the versions the history reads, share most of their pieces this way.
 *
 * Certain means: each run of changed digits lies in a text node whose value, up to the digits, is its source
 * as written (nothing decoded or dropped), under nodes that hold no text of their own (no link, whose url
 * might repeat the digits, no inline code, no HTML), and the piece defines no reference (`[3]: url` would
 * make `[3]` a link where `[2]` was text). Digits between brackets are no syntax, so the tree keeps its
 * shape, and with the lengths equal every position stays the same.
 */

/** The shape two such pieces share: each bracketed number's digits as `#`. Undefined for a piece that defines references. */
export function shapeOf(text: string): string | undefined {
  if (text.includes(']:')) return undefined
  return text.replace(/\[(\d+)\]/g, (number) => `[${'#'.repeat(number.length - 2)}]`)
}

/** A run of changed digits, in the piece's offsets, and the digits it holds now and held before. */
export interface DigitChange {
  from: number
  to: number
  now: string
  was: string
}

/** For a list item of a renumbered tree that is a new node: the item it was copied from, and the changes inside it. */
const predecessors = new WeakMap<Nodes, {node: Nodes; changes: DigitChange[]}>()

/** The item of the earlier tree that `item` (a node of a renumbered tree) was copied from, with the digits that changed in it. */
export function predecessorOf(item: Nodes): {node: Nodes; changes: DigitChange[]} | undefined {
  return predecessors.get(item)
}

/** Nodes under which a text node's digits are the whole of what the digits mean. */
const plainParents = new Set(['root', 'paragraph', 'heading', 'list', 'listItem', 'blockquote', 'emphasis', 'strong', 'delete', 'table', 'tableRow', 'tableCell'])

/**
 * `tree` (parsed from `before`) as it would be parsed from `text`, or undefined when that is not certain.
 * Unchanged nodes are shared with `tree`: cached trees are never changed (merge.ts copies what it places).
 */
export function renumbered(before: string, tree: Root, text: string): Root | undefined {
  if (before.length !== text.length || before.includes(']:')) return undefined
  const changes = changedDigits(before, text)
  if (changes === undefined) return undefined
  // Each change's path from the root, checked: the nodes, and each one's index in its parent.
  const paths: Array<Array<{node: Nodes; index: number}>> = []
  for (const change of changes) {
    const path = pathTo(tree, change)
    if (!path) return undefined
    const leaf = path[path.length - 1]!.node
    // The node's text up to the change is its source as written (a paragraph's later lines lose their
    // indent in the value, which is after it): the digits are at the same place in the value.
    const start = leaf.position!.start.offset!
    if (leaf.type !== 'text' || leaf.value.slice(0, change.to - start) !== before.slice(start, change.to)) return undefined
    if (!path.slice(0, -1).every(({node}) => plainParents.has(node.type))) return undefined
    paths.push(path)
  }
  // The paths copied, each node once (paths share their upper nodes), with the leaves' new text.
  const copies = new Map<Nodes, Nodes>()
  const copyOf = (node: Nodes): Nodes => {
    let copy = copies.get(node)
    if (!copy) {
      copy = {...node} as Nodes
      if ('children' in copy) (copy as {children: Nodes[]}).children = [...(copy.children as Nodes[])]
      copies.set(node, copy)
    }
    return copy
  }
  paths.forEach((path, n) => {
    for (let depth = 1; depth < path.length; depth++) {
      const {node, index} = path[depth]!
      ;(copyOf(path[depth - 1]!.node) as {children: Nodes[]}).children[index] = copyOf(node)
    }
    const leaf = copyOf(path[path.length - 1]!.node) as {value: string; position: {start: {offset: number}}}
    const {from, to, now} = changes[n]!
    const start = leaf.position.start.offset
    leaf.value = leaf.value.slice(0, from - start) + now + leaf.value.slice(to - start)
  })
  for (const [node, copy] of copies) {
    if (node.type !== 'listItem') continue
    const {start, end} = node.position!
    predecessors.set(copy, {node, changes: changes.filter((change) => change.from >= start.offset! && change.to <= end.offset!)})
  }
  return copies.get(tree) as Root
}

/** The runs of digits that differ, or undefined when anything but digits differs. */
function changedDigits(before: string, text: string): DigitChange[] | undefined {
  const changes: DigitChange[] = []
  for (let at = 0; at < text.length; at++) {
    if (before.charCodeAt(at) === text.charCodeAt(at)) continue
    if (!isDigit(text.charCodeAt(at)) || !isDigit(before.charCodeAt(at))) return undefined
    // The whole number the digit is in, in both texts: its first digit after `[` to the `]`.
    let from = at
    while (from > 0 && isDigit(text.charCodeAt(from - 1))) from--
    let to = at
    while (to < text.length && isDigit(text.charCodeAt(to))) to++
    for (let next = at; next < to; next++) if (!isDigit(before.charCodeAt(next))) return undefined
    if (text[from - 1] !== '[' || text[to] !== ']' || before[to] !== ']') return undefined
    changes.push({from, to, now: text.slice(from, to), was: before.slice(from, to)})
    at = to
  }
  return changes
}

/**
 * The nodes from the root down to the deepest one whose source holds the whole change, each with its index
 * in its parent. Siblings are in source order, so each level is a binary search.
 */
function pathTo(tree: Root, {from, to}: DigitChange): Array<{node: Nodes; index: number}> | undefined {
  const path: Array<{node: Nodes; index: number}> = [{node: tree, index: -1}]
  for (;;) {
    const {node} = path[path.length - 1]!
    if (!('children' in node)) return path
    const children = node.children as Nodes[]
    let low = 0
    let high = children.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      const position = children[middle]!.position
      if (!position) return undefined
      if (position.end.offset! < to) low = middle + 1
      else if (position.start.offset! > from) high = middle - 1
      else {
        found = middle
        break
      }
    }
    const child = children[found]
    if (!child || child.position!.start.offset! > from || child.position!.end.offset! < to) return node === tree ? undefined : path
    path.push({node: child, index: found})
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

import type {Nodes, Root} from 'mdast'
import type {Position} from 'unist'
import {VFile} from 'vfile'
import {isPaperUrl} from './paper-link.ts'
import {safeDecode, urlsInText} from '../util/url.ts'

/**
 * A list split over several files (a README that shows the latest papers and links to one file per
 * topic) is read as one text: the files in order, each starting on a line of its own. Each file's part
 * says where it starts, so that positions count lines in their own file and messages go to it.
 */
export interface Part {
  /** The file's name, as messages show it. */
  path: string
  /** Where it starts in the combined text. */
  offset: number
  /** Its first line's number in the combined text. */
  line: number
}

declare module 'vfile' {
  interface DataMap {
    /** The files a combined list was read from, when it was read from more than one. */
    parts: Part[]
  }
}

/** One file holding the others' texts, in order, with the parts that say which lines are whose. */
export function combine(files: VFile[]): VFile {
  if (files.length === 1) return files[0]!
  const parts: Part[] = []
  let text = ''
  for (const file of files) {
    if (text !== '' && !text.endsWith('\n')) text += '\n'
    if (text !== '') text += '\n'
    parts.push({path: file.path, offset: text.length, line: text.split('\n').length})
    text += String(file.value)
  }
  const combined = new VFile({path: files[0]!.path, value: text})
  combined.data.parts = parts
  return combined
}

/** The part an offset of the combined text falls in. */
export function partAt(parts: readonly Part[], offset: number): Part | undefined {
  let found: Part | undefined
  for (const part of parts) if (part.offset <= offset) found = part
  return found
}

/**
 * The tree with every position counted in its own file's lines (offsets stay in the combined text, where
 * the readers cut it). Nodes are copied, not changed: parsed pieces may be cached and shared.
 */
export function localizeLines(tree: Root, parts: readonly Part[] | undefined): Root {
  if (!parts || parts.length < 2) return tree
  const local = (position: Position | undefined): Position | undefined => {
    const part = position?.start.offset === undefined ? undefined : partAt(parts, position.start.offset)
    if (!position || !part || part.line === 1) return position
    const shift = part.line - 1
    return {start: {...position.start, line: position.start.line - shift}, end: {...position.end, line: position.end.line - shift}}
  }
  const copy = (node: Nodes): Nodes => {
    const children = 'children' in node ? (node.children as Nodes[]).map(copy) : undefined
    const position = local(node.position)
    if (position === node.position && (!children || children.every((child, n) => child === (node as {children: Nodes[]}).children[n]))) return node
    return {...node, position, ...(children ? {children} : {})} as Nodes
  }
  return copy(tree) as Root
}

/**
 * The messages of a combined list, each in the file it is about: a new file for every part after the
 * first, holding its messages. Messages count lines in their own file already (see `localizeLines`).
 */
export function splitMessages(file: VFile): VFile[] {
  const parts = file.data.parts
  if (!parts || parts.length < 2) return [file]
  const files = parts.map((part, n) => (n === 0 ? file : new VFile({path: part.path})))
  const messages = [...file.messages]
  file.messages.length = 0
  for (const message of messages) {
    const offset = message.place && 'start' in message.place ? message.place.start.offset : message.place?.offset
    const index = offset === undefined || offset === null ? 0 : parts.indexOf(partAt(parts, offset)!)
    const target = files[Math.max(0, index)]!
    message.file = target.path
    target.messages.push(message)
  }
  return files
}

/** `[Pruning](pruning.md)`, `[Quantization](./docs/quantization.md#top)`: links to markdown files beside the README. */
const markdownLink = /\]\(\s*<?(?!https?:|mailto:|#|\/)([^)\s>]+?\.md)(?:#[^)\s>]*)?>?(?:\s+"[^"]*")?\s*\)/gi

/** The markdown files a README links to within its own folder, in order of first link. */
export function linkedFiles(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(markdownLink)) {
    const path = safeDecode(match[1]!).replace(/^\.\//, '')
    // Inside the README's folder only: `../` leaves the repository, or at least the list.
    if (path.split('/').includes('..') || found.includes(path)) continue
    found.push(path)
  }
  return found
}

/** Does a text link to papers at all? A linked CONTRIBUTING.md does not, and is no part of the list. */
export function linksToPapers(text: string): boolean {
  return urlsInText(text).some(isPaperUrl)
}

import type {Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {PieceCache, sharedCache} from './cache.ts'
import {collectDefinitions, mayDefine, mentioned, prelude, type Definitions} from './definitions.ts'
import {append, movePoint, placeNodes} from './merge.ts'
import {lineEndings, splitPieces, type Granularity, type Piece} from './pieces.ts'
import {parseTexts} from './parallel.ts'
import {parseFast} from './fast-path.ts'
import {processor} from './remark.js'

export interface SplitOptions {
  /** Parsed pieces kept between builds; the process-wide cache by default. */
  cache?: PieceCache
  /** How small the pieces are cut; tests cut at every boundary. */
  granularity?: Granularity
}

type ParseMany = (texts: string[]) => Root[] | Promise<Root[]>

/**
 * The README as one mdast tree, equal to what the whole-file parse gives (positions included),
 * but parsed piece by piece: linear in the README's size where remark on the whole file is not,
 * cached piece by piece, and spread over two threads when the README is large.
 */
export function parseSplit(file: VFile | string, options: SplitOptions = {}): Root {
  return run(String(typeof file === 'string' ? file : file.value), options, (texts) => texts.map((text) => processor.parse(text)))
}

/** The same, with large READMEs parsed on two threads. */
export function parseSplitParallel(file: VFile | string, options: SplitOptions = {}): Promise<Root> {
  return run(String(typeof file === 'string' ? file : file.value), options, parseTexts)
}

/** The whole file in one remark call: the reference the split parse must equal. */
export function parseWhole(file: VFile | string): Root {
  return processor.parse(typeof file === 'string' ? file : String(file.value))
}

function run<T extends Root | Promise<Root>>(source: string, options: SplitOptions, many: ParseMany): T {
  const cache = options.cache ?? sharedCache
  const pieces = splitPieces(source, options.granularity)
  const plain = lookup(pieces.map((piece) => piece.text), cache, many)
  const finish = (trees: Root[]): Root | Promise<Root> => {
    const definitions: Definitions = {links: new Set(), footnotes: new Set()}
    if (mayDefine(source)) {
      pieces.forEach((piece, index) => mayDefine(piece.text) && collectDefinitions(trees[index]!, definitions))
    }
    const defined = definitions.links.size + definitions.footnotes.size > 0
    // A byte order mark must stay first; such a README with definitions is parsed whole.
    if (defined && source.charCodeAt(0) === 0xfeff) return processor.parse(source)
    // Each piece that mentions an identifier is parsed again after a prelude of those it mentions.
    const intros = new Map<number, string>()
    if (defined) {
      pieces.forEach((piece, index) => {
        const intro = piece.text.includes('[') ? prelude(mentioned(piece.text, definitions)) : ''
        if (intro !== '') intros.set(index, intro)
      })
    }
    const redo = [...intros.keys()]
    const assemble = (again: Root[]): Root => {
      redo.forEach((index, n) => (trees[index] = again[n]!))
      const root = join(pieces, trees, (index) => intros.get(index) ?? '', source)
      cache.rotate()
      return root
    }
    if (redo.length === 0) return assemble([])
    const again = lookup(redo.map((index) => intros.get(index)! + pieces[index]!.text), cache, many)
    return again instanceof Promise ? again.then(assemble) : assemble(again)
  }
  return (plain instanceof Promise ? plain.then(finish) : finish(plain)) as T
}

/** Trees for the texts, from the cache where it has them; the rest parsed together. */
function lookup(texts: string[], cache: PieceCache, many: ParseMany): Root[] | Promise<Root[]> {
  const keys = texts.map((text) => PieceCache.key(text))
  const trees = keys.map((key, index) => cache.get(key, texts[index]!))
  const missing = trees.flatMap((tree, index) => (tree ? [] : [index]))
  if (missing.length === 0) return trees as Root[]
  const fill = (parsed: Root[]): Root[] => {
    missing.forEach((index, n) => {
      trees[index] = parsed[n]!
      cache.set(keys[index]!, parsed[n]!, texts[index]!)
    })
    return trees as Root[]
  }
  const parsed = parseMissing(missing.map((index) => texts[index]!), many)
  return parsed instanceof Promise ? parsed.then(fill) : fill(parsed)
}

/** Pieces in the plainest markdown are read directly (`parseFast`), the rest parsed by remark together. */
function parseMissing(texts: string[], many: ParseMany): Root[] | Promise<Root[]> {
  const trees = texts.map(parseFast)
  const rest = trees.flatMap((tree, index) => (tree ? [] : [index]))
  if (rest.length === 0) return trees as Root[]
  const fill = (parsed: Root[]): Root[] => {
    rest.forEach((index, n) => (trees[index] = parsed[n]!))
    return trees as Root[]
  }
  const parsed = many(rest.map((index) => texts[index]!))
  return parsed instanceof Promise ? parsed.then(fill) : fill(parsed)
}

/** The pieces' nodes in README coordinates, as one root. */
function join(pieces: Piece[], trees: Root[], introOf: (index: number) => string, source: string): Root {
  const children: RootContent[] = []
  let end = {line: 1, column: 1, offset: 0}
  pieces.forEach((piece, index) => {
    const intro = introOf(index)
    const shift = {lines: piece.line - 1 - lineEndings(intro), offset: piece.offset - intro.length, skip: intro.length}
    append(children, placeNodes(trees[index]!, shift), source)
    const last = trees[index]!.position?.end
    if (last) end = movePoint(last, shift) as typeof end
  })
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end}}
}

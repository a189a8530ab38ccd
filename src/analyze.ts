import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {dirname, join, resolve} from 'node:path'
import type {VFile} from 'vfile'
import type {Root} from 'mdast'
import {parse} from './parse/processor.ts'
import {parseSplitParallel, parseWhole} from './parse/split.ts'
import {PieceCache} from './parse/cache.ts'
import {findDeepNode, findTooDeep, maxNesting, maxTreeDepth} from './parse/guard.ts'
import {scanLimits} from './parse/scan-limits.ts'
import {read, withoutByteOrderMark} from './read.ts'
import {resolveReferences} from './parse/references.ts'
import {inheritPositions} from './parse/positions.ts'
import {extract, type ReadOptions} from './extract/index.ts'
import {combine, linkedFiles, linksToPapers} from './extract/inputs.ts'
import {link} from './graph/link.ts'
import {meantPapers, referencesFromHistory, reportShallowClone, type ReferenceHistory} from './history/references.ts'
import {PaperIndex} from './graph/paper-index.ts'
import {validate} from './rules/index.ts'
import {source as ruleSource} from './rules/rule.ts'
import type {Graph, RawList} from './types.ts'

// read → parse → extract → link → (history) → validate: everything `npm run check` does, and the first half
// of a build. Nothing here renders or bundles, so a check never loads eta, vite or the page code.

/** What the stages before rendering make of a README: its raw entries, its graph, and what its history said. */
export interface Analysis {
  raw: RawList
  graph: Graph
  /** Undefined when the history was not read: not asked, or every reference named one paper. */
  history?: ReferenceHistory | undefined
}

/** Where the list is read from, and how. */
export interface ListOptions extends ReadOptions {
  /** The README. */
  input: string
  /** More files of the same list, read after the README as if they were part of it. */
  also?: string[]
  /** Also read the markdown files the README links to in its own folder that link to papers. */
  follow?: boolean
}

/**
 * parse → extract → link → history → validate, for the build. The syntax tree is not returned: once the
 * graph is made it is garbage, and rendering ten thousand pages should not carry it.
 */
export async function parseAndAnalyze(file: VFile, options: ReadOptions & {input: string; history?: boolean; wholeFileParse?: boolean; cache?: PieceCache}): Promise<Analysis | undefined> {
  if (!sourceIsSupported(file)) return undefined
  const tree = options.wholeFileParse ? parseWhole(file) : await parseSplitParallel(file, {cache: options.cache ?? new PieceCache()})
  return treeIsSupported(file, tree) ? analyzeTreeWithHistory(file, tree, options.history === false ? undefined : options.input, options) : undefined
}

/** The stages that need no output: parse, extract, link, validate. Returns nothing when the README cannot be parsed at all. */
export function analyze(file: VFile, options: ReadOptions = {}): Analysis | undefined {
  if (!sourceIsSupported(file)) return undefined
  const tree = parse(file)
  return treeIsSupported(file, tree) ? analyzeTree(file, tree, options) : undefined
}

/**
 * `analyze`, with stale table references resolved through the git history of `readme`, the file on disk:
 * for `npm run check`. With `at`, a commit, `file` is the README as that commit has it, resolved through
 * the history up to it: the base that `check --since` compares with.
 */
export async function analyzeWithHistory(file: VFile, readme: string, options: ReadOptions & {at?: string; cache?: PieceCache} = {}): Promise<Analysis | undefined> {
  if (!sourceIsSupported(file)) return undefined
  // A large README is parsed on two threads, as the build parses it.
  const tree = await parseSplitParallel(file, {cache: options.cache ?? new PieceCache()})
  return treeIsSupported(file, tree) ? analyzeTreeWithHistory(file, tree, readme, options) : undefined
}

/**
 * Input the parser cannot take, or would take minutes or gigabytes over, is refused before it is parsed:
 * a file too large to read (`read` said so), block nesting too deep, and whatever is over `limits`, each
 * with its line.
 */
function sourceIsSupported(file: VFile): boolean {
  if (file.messages.some((message) => message.ruleId === 'input-too-large')) return false
  const source = String(file.value)
  const deep = findTooDeep(source)
  if (deep) {
    const message = file.message(
      `This line nests ${deep.depth} levels deep, more than the ${maxNesting} the parser supports; flatten the nested lists or blockquotes`,
      {place: {line: deep.line, column: deep.column}, ruleId: 'nesting-too-deep', source: ruleSource}
    )
    message.fatal = true
  }
  for (const violation of scanLimits(source)) {
    const message = file.message(`${violation.reason}; ${violation.fix}`, {place: {line: violation.line, column: violation.column}, ruleId: violation.ruleId, source: ruleSource})
    message.fatal = true
    message.note = violation.fix
  }
  return !file.messages.some((message) => message.fatal)
}

/**
 * A tree nested deeper than the renderer can recurse (`*a *b *c …` thousands deep, which the line guard
 * cannot see) is refused with a message instead of overflowing the stack later.
 */
function treeIsSupported(file: VFile, tree: Root): boolean {
  const deep = findDeepNode(tree)
  if (!deep) return true
  const message = file.message(
    `Text here nests more than ${maxTreeDepth} levels deep (emphasis, links or lists inside each other), more than the site can render; remove the extra \`*\`, \`_\` or \`[\``,
    {place: {line: deep.line, column: deep.column}, ruleId: 'nesting-too-deep', source: ruleSource}
  )
  message.fatal = true
  return false
}

/** extract → link → validate, on a parsed README. */
export function analyzeTree(file: VFile, tree: Root, options: ReadOptions = {}): Analysis {
  const raw = extract(inheritPositions(resolveReferences(tree)), file, {form: options.form, memo: options.memo})
  const graph = link(raw)
  validate({file, raw, graph, index: new PaperIndex(graph.papers)})
  return {raw, graph}
}

/**
 * extract → link → history → validate. Only when a numbered reference names no paper or several today
 * does the history step read git (`readme`'s blame and old versions); the references it resolves are linked again.
 */
export async function analyzeTreeWithHistory(file: VFile, tree: Root, readme: string | undefined, options: ReadOptions & {at?: string} = {}): Promise<Analysis> {
  const raw = extract(inheritPositions(resolveReferences(tree)), file, {form: options.form, memo: options.memo})
  const today = link(raw)
  const history = readme === undefined ? undefined : await referencesFromHistory(readme, String(file.value), raw, today, {at: options.at, parts: file.data.parts})
  const graph = history?.stale.size ? link(raw, meantPapers(history)) : today
  reportShallowClone(file, history)
  validate({file, raw, graph, index: new PaperIndex(graph.papers), history})
  return {raw, graph, history}
}

/** The README, and the other files of the list (`--input` again, or `--follow`), as one text. */
export async function readList(options: ListOptions): Promise<VFile> {
  const first = await read(options.input)
  const folder = dirname(resolve(options.input))
  const linked = options.follow ? linkedFiles(String(first.value)).map((path) => join(folder, path)) : []
  const more: string[] = []
  for (const path of [...(options.also ?? []), ...linked]) {
    const full = resolve(path)
    if (full === resolve(options.input) || more.some((known) => resolve(known) === full)) continue
    if (linked.includes(path) && !(existsSync(full) && linksToPapers(await readFile(full, 'utf8')))) continue
    more.push(path)
  }
  return combine([first, ...(await Promise.all(more.map(read)))])
}

export {read, withoutByteOrderMark}

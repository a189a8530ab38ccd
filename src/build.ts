import {readFile, readdir} from 'node:fs/promises'
import {existsSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import type {Root} from 'mdast'
import {parse} from './parse/processor.ts'
import {parseSplitParallel, parseWhole} from './parse/split.ts'
import {PieceCache} from './parse/cache.ts'
import {findDeepNode, findTooDeep, maxNesting, maxTreeDepth} from './parse/guard.ts'
import {resolveReferences} from './parse/references.ts'
import {inheritPositions} from './parse/positions.ts'
import {extract, type ReadOptions} from './extract/index.ts'
import {combine, linkedFiles, linksToPapers, splitMessages} from './extract/inputs.ts'
import {link} from './graph/link.ts'
import {meantPapers, referencesFromHistory, reportShallowClone, type ReferenceHistory} from './graph/resolve-history.ts'
import {PaperIndex} from './graph/paper-index.ts'
import {bestEffort} from './graph/best-effort.ts'
import {hasErrors, validate} from './rules/index.ts'
import {source as ruleSource} from './rules/rule.ts'
import {sitePages} from './render/index.ts'
import {createEta, TemplateError} from './render/eta.ts'
import {graphJson} from './render/graph-json.ts'
import {summariesFile, summariesJson} from './render/summaries.ts'
import {normalizeBase} from './render/paths.ts'
import {bundleClient} from './write/client.ts'
import {writeSite, type SiteFiles} from './write/output.ts'
import {metaByPaper, metaPathFor, readMetaCache} from './meta/cache.ts'
import {historyOff, noHistory, readHistory} from './history/history.ts'
import {readRenames} from './history/renames.ts'
import {extraFiles} from './render/extra-files.ts'
import type {Graph, RawList} from './types.ts'

export interface BuildOptions {
  /** The README to build. */
  input: string
  /** More files of the same list, read after the README as if they were part of it. */
  also?: string[]
  /** Also read the markdown files the README links to in its own folder that link to papers. */
  follow?: boolean
  /** The output folder; replaced as a whole when the build succeeds. */
  out: string
  /** Path the site is served under: `/` or `/Awesome-LLM-Pruning/`. */
  base?: string
  /** Absolute URL of the deployed site, for canonical links. */
  siteUrl?: string
  /** The README's page on GitHub, for the footer. */
  sourceHref?: string
  /** Render what can be resolved even when there are errors. */
  allowErrors?: boolean
  /** Only lint: stop after the rules. */
  checkOnly?: boolean
  /** The arXiv metadata cache; defaults to `papers.meta.json` beside the input. */
  meta?: string
  /**
   * Read the input's git history (default): "added" dates, and what stale table references meant.
   * false uses the papers' own dates and leaves stale references unresolved.
   */
  history?: boolean
  /** Parsed pieces kept between builds, for a long-lived process. By default a build keeps none: its trees are dropped once it has its graph. */
  cache?: PieceCache
  /** A long-lived process: remember what was written, so the next build links unchanged files instead of writing them. */
  reuseOutput?: boolean
  /** The templates folder; the project's own by default. */
  templates?: string
  /** Parse the README in one remark call instead of in pieces: the reference the split parse is tested against. */
  wholeFileParse?: boolean
  /** The form the list's entries are written in (`bullets`, `key-value`, `inline`, `table`), instead of detecting it per section. */
  form?: string
}

/** What the stages before rendering make of a README: its raw entries, its graph, and what its history said. */
export interface Analysis {
  raw: RawList
  graph: Graph
  /** Undefined when the history was not read: not asked, or every reference named one paper. */
  history?: ReferenceHistory | undefined
}

export interface BuildResult {
  /** Every file with messages: the README, and a template if one failed. */
  files: VFile[]
  graph: Graph | undefined
  /** Whether the output folder was replaced. */
  written: boolean
}

const publicDir = fileURLToPath(new URL('../public/', import.meta.url))

/** read → parse → extract → link → validate → render → write. Orchestration only. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const result = await buildList(await readList(options), options)
  // A list read from several files reports each message in its own file.
  return {...result, files: [...splitMessages(result.files[0]!), ...result.files.slice(1)]}
}

async function buildList(file: VFile, options: BuildOptions): Promise<BuildResult> {
  const base = normalizeBase(options.base)
  // vite works on its own threads: start it now so that it runs while the README is parsed.
  const bundling = options.checkOnly ? undefined : bundleClient(base)
  bundling?.catch(() => {})
  const analysis = await parseAndAnalyze(file, options)
  if (!analysis || !bundling || (hasErrors(file) && !options.allowErrors)) {
    return {files: [file], graph: analysis?.graph, written: false}
  }
  // With --allow-errors, what the errors name is left out; without errors this is the whole graph.
  const graph = bestEffort(analysis.graph, analysis.raw)
  // The build reads only the cache that `npm run enrich` wrote: it never goes to the network.
  const meta = readMetaCache(options.meta ?? metaPathFor(options.input))
  // Its warnings (text that was cut) are reported with the README's.
  const reported = meta.file.messages.length > 0 ? [file, meta.file] : [file]
  if (hasErrors(meta.file)) return {files: reported, graph, written: false}
  graph.meta = metaByPaper(graph.papers, meta.cache)
  if (options.history === false) graph.history = noHistory(historyOff)
  else [graph.history, graph.renames] = await Promise.all([readHistory(options.input, graph), readRenames(options.input, graph)])

  const client = await bundling
  // Pages are rendered as they are written; a template error stops the write before the swap.
  const pages = sitePages(graph, {base, siteUrl: options.siteUrl, sourceHref: options.sourceHref, assets: client.assets, eta: createEta(options.templates ? {views: options.templates} : {})})
  const files: SiteFiles = new Map([
    ...(await publicFiles()),
    ...client.files,
    ...pages,
    ['graph.json', graphJson(graph)],
    ...extraFiles(graph, {base, siteUrl: options.siteUrl}),
    ...(summariesFile(graph) ? [[summariesFile(graph)!, summariesJson(graph)] as const] : []),
    ['README.md', String(file.value)]
  ])
  try {
    await writeSite(options.out, files, {remember: options.reuseOutput})
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error
    const template = new VFile({path: error.template})
    template.message(error.reason, {place: error.place, ruleId: 'template', source: ruleSource}).fatal = true
    return {files: [...reported, template], graph, written: false}
  }
  return {files: reported, graph, written: true}
}

/**
 * parse → extract → link → validate, for the build. The syntax tree is not returned: once the graph is
 * made it is garbage, and rendering ten thousand pages should not carry it.
 */
async function parseAndAnalyze(file: VFile, options: BuildOptions): Promise<{raw: RawList; graph: Graph} | undefined> {
  if (!nestingIsSupported(file)) return undefined
  const tree = options.wholeFileParse ? parseWhole(file) : await parseSplitParallel(file, {cache: options.cache ?? new PieceCache()})
  return treeIsSupported(file, tree) ? analyzeTreeWithHistory(file, tree, options.history === false ? undefined : options.input, options) : undefined
}

/** The stages that need no output: parse, extract, link, validate. Returns nothing when the README cannot be parsed at all. */
export function analyze(file: VFile, options: ReadOptions = {}): {raw: RawList; graph: Graph} | undefined {
  if (!nestingIsSupported(file)) return undefined
  const tree = parse(file)
  return treeIsSupported(file, tree) ? analyzeTree(file, tree, options) : undefined
}

/** `analyze`, with stale table references resolved through the git history of `readme`, the file on disk. */
export async function analyzeWithHistory(file: VFile, readme: string, options: ReadOptions = {}): Promise<Analysis | undefined> {
  if (!nestingIsSupported(file)) return undefined
  const tree = parse(file)
  return treeIsSupported(file, tree) ? analyzeTreeWithHistory(file, tree, readme, options) : undefined
}

/** Input nested deeper than the parser supports is refused with a message before it is parsed. */
function nestingIsSupported(file: VFile): boolean {
  const deep = findTooDeep(String(file.value))
  if (!deep) return true
  const message = file.message(
    `This line nests ${deep.depth} levels deep, more than the ${maxNesting} the parser supports; flatten the nested lists or blockquotes`,
    {place: {line: deep.line, column: deep.column}, ruleId: 'nesting-too-deep', source: ruleSource}
  )
  message.fatal = true
  return false
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
export function analyzeTree(file: VFile, tree: Root, options: ReadOptions = {}): {raw: RawList; graph: Graph} {
  const raw = extract(inheritPositions(resolveReferences(tree)), file, {form: options.form})
  const graph = link(raw)
  validate({file, raw, graph, index: new PaperIndex(graph.papers)})
  return {raw, graph}
}

/**
 * extract → link → history → validate. Only when a numbered reference names no paper or several today
 * does the history step read git (`readme`'s blame and old versions); the references it resolves are linked again.
 */
export async function analyzeTreeWithHistory(file: VFile, tree: Root, readme: string | undefined, options: ReadOptions = {}): Promise<Analysis> {
  const raw = extract(inheritPositions(resolveReferences(tree)), file, {form: options.form})
  const today = link(raw)
  const history = readme === undefined ? undefined : await referencesFromHistory(readme, String(file.value), raw, today)
  const graph = history?.stale.size ? link(raw, meantPapers(history)) : today
  reportShallowClone(file, history)
  validate({file, raw, graph, index: new PaperIndex(graph.papers), history})
  return {raw, graph, history}
}

/** The README, and the other files of the list (`--input` again, or `--follow`), as one text. */
export async function readList(options: Pick<BuildOptions, 'input' | 'also' | 'follow'>): Promise<VFile> {
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

/** Reads the README into a vfile named as the contributor would type it from the project. */
export async function read(input: string): Promise<VFile> {
  const value = withoutByteOrderMark(await readFile(input, 'utf8'))
  // Messages name the file as the contributor typed it from the project: `content/README.md`.
  const shown = relative(process.cwd(), resolve(input))
  return new VFile({path: shown === '' || shown.startsWith('..') ? resolve(input) : shown, value})
}

/**
 * The README's text without a leading byte order mark (some Windows editors save one). remark does not
 * count it in its positions, while the table and entry readers cut the raw text at those positions, so
 * with the mark kept every cut on the tables would be one character off.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

async function publicFiles(): Promise<SiteFiles> {
  const files: SiteFiles = new Map()
  const entries = await readdir(publicDir, {recursive: true, withFileTypes: true}).catch(() => [])
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const full = join(entry.parentPath, entry.name)
    files.set(relative(publicDir, full).split('\\').join('/'), await readFile(full))
  }
  return files
}

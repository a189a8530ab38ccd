import {readFile, readdir} from 'node:fs/promises'
import {join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import type {Root} from 'mdast'
import {parse} from './parse/processor.ts'
import {parseSplitParallel, parseWhole} from './parse/split.ts'
import {PieceCache} from './parse/cache.ts'
import {findDeepNode, findTooDeep, maxNesting, maxTreeDepth} from './parse/guard.ts'
import {scanLimits} from './parse/scan-limits.ts'
import {read, withoutByteOrderMark} from './read.ts'
import {resolveReferences} from './parse/references.ts'
import {inheritPositions} from './parse/positions.ts'
import {extract} from './extract/index.ts'
import {link} from './graph/link.ts'
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
import {MetaCacheError, metaByPaper, metaPathFor, readMetaCache} from './meta/cache.ts'
import {historyOff, noHistory, readHistory} from './history/history.ts'
import {extraFiles} from './render/extra-files.ts'
import type {Graph, RawList} from './types.ts'

export interface BuildOptions {
  /** The README to build. */
  input: string
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
  /** Read "added" dates from the input's git history (default); false uses the papers' own dates. */
  history?: boolean
  /** Parsed pieces kept between builds, for a long-lived process. By default a build keeps none: its trees are dropped once it has its graph. */
  cache?: PieceCache
  /** A long-lived process: remember what was written, so the next build links unchanged files instead of writing them. */
  reuseOutput?: boolean
  /** The templates folder; the project's own by default. */
  templates?: string
  /** Parse the README in one remark call instead of in pieces: the reference the split parse is tested against. */
  wholeFileParse?: boolean
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
  const file = await read(options.input)
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
  const metaPath = options.meta ?? metaPathFor(options.input)
  try {
    graph.meta = metaByPaper(graph.papers, await readMetaCache(metaPath))
  } catch (error) {
    if (!(error instanceof MetaCacheError)) throw error
    const cache = new VFile({path: relative(process.cwd(), resolve(metaPath))})
    cache.message(error.message.slice(error.path.length + 2), {ruleId: 'meta-cache', source: ruleSource}).fatal = true
    return {files: [file, cache], graph, written: false}
  }
  graph.history = options.history === false ? noHistory(historyOff) : await readHistory(options.input, graph)

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
    return {files: [file, template], graph, written: false}
  }
  return {files: [file], graph, written: true}
}

/**
 * parse → extract → link → validate, for the build. The syntax tree is not returned: once the graph is
 * made it is garbage, and rendering ten thousand pages should not carry it.
 */
async function parseAndAnalyze(file: VFile, options: Pick<BuildOptions, 'cache' | 'wholeFileParse'>): Promise<{raw: RawList; graph: Graph} | undefined> {
  if (!sourceIsSupported(file)) return undefined
  const tree = options.wholeFileParse ? parseWhole(file) : await parseSplitParallel(file, {cache: options.cache ?? new PieceCache()})
  return treeIsSupported(file, tree) ? analyzeTree(file, tree) : undefined
}

/** `analyze`, with a large README parsed on two threads as the build parses it: for `npm run check`. */
export function analyzeParallel(file: VFile): Promise<{raw: RawList; graph: Graph} | undefined> {
  return parseAndAnalyze(file, {})
}

/** The stages that need no output: parse, extract, link, validate. Returns nothing when the README cannot be parsed at all. */
export function analyze(file: VFile): {raw: RawList; graph: Graph} | undefined {
  if (!sourceIsSupported(file)) return undefined
  const tree = parse(file)
  return treeIsSupported(file, tree) ? analyzeTree(file, tree) : undefined
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
export function analyzeTree(file: VFile, tree: Root): {raw: RawList; graph: Graph} {
  const raw = extract(inheritPositions(resolveReferences(tree)), file)
  const graph = link(raw)
  validate({file, raw, graph, index: new PaperIndex(graph.papers)})
  return {raw, graph}
}

export {read, withoutByteOrderMark}

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

import type {VFile} from 'vfile'
import {parseAndAnalyze, readList} from './analyze.ts'
import {splitMessages} from './extract/inputs.ts'
import {hasErrors} from './rules/index.ts'
import {normalizeBase} from './render/paths.ts'
import {bundleClient} from './write/client.ts'
import type {PieceCache} from './parse/cache.ts'
import type {Graph} from './types.ts'

// The stages before the render live in analyze.ts; those from the render on in publish.ts, loaded only
// when the README has passed. Re-exported here for the callers that import the whole pipeline.
export {analyze, analyzeTree, analyzeWithHistory, read, readList, withoutByteOrderMark, type Analysis} from './analyze.ts'

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

export interface BuildResult {
  /** Every file with messages: the README, and a template if one failed. */
  files: VFile[]
  graph: Graph | undefined
  /** Whether the output folder was replaced. */
  written: boolean
}

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
  const {publish} = await import('./publish.ts')
  return publish(file, analysis, {...options, base}, bundling)
}

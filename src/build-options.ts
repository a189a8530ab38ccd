import type {VFile} from 'vfile'
import type {PieceCache} from './parse/cache.ts'
import type {Graph} from './types.ts'

// What a build is asked to do and what it returns: apart from build.ts, so that publish.ts, which build.ts
// loads on demand, can name them without importing build.ts back.

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

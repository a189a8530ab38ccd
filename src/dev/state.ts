import {VFile} from 'vfile'
import {parseAndAnalyze} from '../analyze.ts'
import {readSync, shownPath} from '../read.ts'
import {bestEffort} from '../graph/best-effort.ts'
import {sharedCache} from '../parse/cache.ts'
import {EntryMemo} from '../extract/entry-memo.ts'
import {complete, readCompletion, type Completion} from '../pipeline.ts'
import {CommittedHistory} from '../history/committed.ts'
import {createEta, TemplateError} from '../render/eta.ts'
import {createRenderer, cspDirectives, policyText, type Renderer} from '../render/index.ts'
import {graphJson} from '../render/graph-json.ts'
import {summariesFile, summariesJson} from '../render/summaries.ts'
import {outputFile} from '../render/paths.ts'
import {once} from '../render/once.ts'
import {source as ruleSource} from '../rules/rule.ts'
import type {Route} from '../render/route.ts'
import type {CompleteGraph, Graph} from '../types.ts'
import {scriptSources} from '../client/entries.ts'

/** vite's client and its error overlay inject styles, so the dev server's pages allow inline styles; the build's do not. */
export const devContentSecurityPolicy = policyText({...cspDirectives, 'style-src': "'self' 'unsafe-inline'"})

export interface DevSiteOptions {
  /** The README being previewed. */
  input: string
  /** The templates folder (the project's own by default). */
  templates?: string
  /** The stylesheet, relative to the project root (`src/client/style.css` by default). */
  stylesheet?: string
}

/** One reading of the README for the dev server: its messages, the best-effort graph when there is one, and what it is completed with. */
export interface DevAnalysis {
  file: VFile
  graph: Graph | undefined
  completion?: Completion | undefined
  /** The metadata cache's messages, when it has any: the build's reader says the same. */
  meta?: VFile | undefined
}

/** What the dev server serves: the last best-effort graph, and every message about the current README. */
export interface DevSite {
  /** The README's path, as given. */
  readonly input: string
  /** Re-reads the README and re-analyzes it, on this thread; pages are rendered when requested. */
  refresh(): Promise<VFile[]>
  /** Takes a reading of the README: the graph completed, and a new renderer for it. */
  apply(analysis: DevAnalysis): VFile[]
  /**
   * Reads the README and renders its home page as a save would, and keeps nothing of it: what is served
   * stays as it was. Run after start-up, it makes the first save as fast as the ones after it (see server.ts).
   */
  rehearse(): Promise<void>
  /** The page at a site path (`/`, `/models/x/`, `/graph.json`), with any messages to show, or undefined. */
  page(path: string): {body: string; type: string} | undefined
  messages(): VFile[]
}

/**
 * The dev server's model of the site. It builds best-effort, like `--allow-errors`: what resolves is
 * shown, what an error names is left out, and the errors are shown above the page. When the README
 * cannot be read into a graph at all, the last good graph stays on screen under the errors.
 */
export function createDevSite(options: DevSiteOptions): DevSite {
  let file = new VFile()
  let renderer: Renderer | undefined
  let byPath = new Map<string, Route>()
  let json = once(() => '')
  let summaries: {path: string; body: () => string} | undefined
  let templateFile: VFile | undefined
  let metaFile: VFile | undefined
  let graph: CompleteGraph | undefined
  // Each page rendered once per build: while a rebuild runs, every request (the bench asks every few
  // milliseconds) gets the last build's page without rendering it again on the thread that serves.
  let rendered = new Map<string, {html: string; template: VFile | undefined}>()

  const newRenderer = (graph: CompleteGraph) =>
    createRenderer(graph, {
      base: '/',
      siteUrl: undefined,
      sourceHref: undefined,
      assets: {css: options.stylesheet ?? 'src/client/style.css', scripts: scriptSources},
      eta: createEta({cache: true, debug: true, ...(options.templates ? {views: options.templates} : {})}),
      csp: devContentSecurityPolicy
    })

  const renderWith = (graph: CompleteGraph) => {
    renderer = newRenderer(graph)
    byPath = new Map(renderer.routes.map((route) => [`/${outputFile(route.page)}`, route]))
    rendered = new Map()
    // Computed when asked for: a save costs only what the open page needs.
    json = once(() => graphJson(graph))
    const path = summariesFile(graph)
    summaries = path ? {path: `/${path}`, body: once(() => summariesJson(graph))} : undefined
  }

  const devSite: DevSite = {
    input: options.input,

    async refresh() {
      return devSite.apply(await analyzeReadme(options.input))
    },

    apply(analysis) {
      // A template error belongs to the render that met it: the next render says again if it is still there.
      templateFile = undefined
      file = analysis.file
      metaFile = analysis.meta
      if (analysis.graph && analysis.completion) graph = complete(analysis.graph, analysis.completion)
      // When the README cannot be read into a graph, the last good one stays on screen. Either way the
      // renderer is made afresh, with its own template cache, so a template edit shows on the next request.
      if (graph) renderWith(graph)
      return devSite.messages()
    },

    async rehearse() {
      const analysis = await analyzeReadme(options.input)
      if (!analysis.graph || !analysis.completion) return
      const rehearsal = newRenderer(complete(analysis.graph, analysis.completion))
      const home = rehearsal.routes.find((route) => outputFile(route.page) === 'index.html')
      if (home) renderPage(rehearsal, home)
    },

    page(path) {
      const clean = path.endsWith('/') ? `${path}index.html` : path
      if (clean === '/graph.json') return {body: json(), type: 'application/json; charset=utf-8'}
      if (clean === summaries?.path) return {body: summaries.body(), type: 'application/json; charset=utf-8'}
      if (clean === '/README.md') return {body: String(file.value ?? ''), type: 'text/markdown; charset=utf-8'}
      const route = byPath.get(clean)
      if (!route || !renderer) return undefined
      const page = rendered.get(clean) ?? renderPage(renderer, route)
      rendered.set(clean, page)
      templateFile = page.template
      return {body: page.html, type: 'text/html; charset=utf-8'}
    },

    messages() {
      return [file, ...(metaFile ? [metaFile] : []), ...(templateFile ? [templateFile] : [])]
    }
  }
  return devSite
}

/** A page's HTML, or a placeholder and the template error that stopped it. */
function renderPage(renderer: Renderer, route: Route): {html: string; template: VFile | undefined} {
  try {
    return {html: renderer.render(route), template: undefined}
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error
    const template = new VFile({path: error.template})
    template.message(error.reason, {place: error.place, ruleId: 'template', source: ruleSource}).fatal = true
    return {html: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Template error</title></head><body><main></main></body></html>', template}
  }
}

/** Paper entries read on earlier saves: a save reads again only those in the pieces it changed. */
const entries = new EntryMemo()

/** Each README's committed history, read once per checked-out commit rather than on every save. */
const committed = new Map<string, CommittedHistory>()

/**
 * Reads and analyzes the README best-effort, as `--allow-errors` does: what the errors name is left out.
 * The steps are the build's (src/pipeline.ts): the same parse and analysis, stale references resolved
 * through the same history, the same metadata cache and history read to complete the graph. Only an
 * error in the cache differs in its effect, not in its message: the build stops, the preview shows it
 * and goes on with the cache's valid entries.
 */
export async function analyzeReadme(input: string): Promise<DevAnalysis> {
  let file: VFile
  try {
    // A file over the size limit is not read: the vfile holds only the error that says so.
    file = readSync(input)
  } catch (error) {
    file = new VFile({path: shownPath(input)})
    file.message(`Cannot read ${input}: ${(error as Error).message}`, {ruleId: 'read', source: ruleSource}).fatal = true
    return {file, graph: undefined}
  }
  const history = committed.get(input) ?? new CommittedHistory(input)
  committed.set(input, history)
  history.check()
  // The pieces of the README parsed on earlier saves come from the process-wide cache.
  const result = await parseAndAnalyze(file, {input, cache: sharedCache, memo: entries})
  if (!result) return {file, graph: undefined}
  const graph = bestEffort(result.graph, result.raw)
  const {completion, metaFile} = await readCompletion(graph, {input, committed: history, bestEffort: true})
  return {file, graph, completion, meta: metaFile.messages.length > 0 ? metaFile : undefined}
}

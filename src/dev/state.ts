import {VFile} from 'vfile'
import {analyze} from '../analyze.ts'
import {readSync, shownPath} from '../read.ts'
import {bestEffort} from '../graph/best-effort.ts'
import {createEta, TemplateError} from '../render/eta.ts'
import {createRenderer, type Renderer} from '../render/index.ts'
import {graphJson} from '../render/graph-json.ts'
import {summariesFile, summariesJson} from '../render/summaries.ts'
import {outputFile} from '../render/paths.ts'
import {once} from '../render/once.ts'
import {source as ruleSource} from '../rules/rule.ts'
import type {Route} from '../render/route.ts'
import type {Graph} from '../types.ts'
import {scriptSources} from '../client/entries.ts'
import {metaByPaper, metaPathFor, readMetaCache} from '../meta/cache.ts'
import {historyOff, noHistory} from '../history/history.ts'

export interface DevSiteOptions {
  /** The README being previewed. */
  input: string
  /** The templates folder (the project's own by default). */
  templates?: string
  /** The stylesheet, relative to the project root (`src/client/style.css` by default). */
  stylesheet?: string
}

/** One reading of the README for the dev server: its messages, and the best-effort graph when there is one. */
export interface DevAnalysis {
  file: VFile
  graph: Graph | undefined
  /** The metadata cache's messages, when it has any: the build's reader says the same. */
  meta?: VFile | undefined
}

/** What the dev server serves: the last best-effort graph, and every message about the current README. */
export interface DevSite {
  /** Re-reads the README and re-analyzes it, on this thread; pages are rendered when requested. */
  refresh(): VFile[]
  /** Takes an analysis made elsewhere (the dev server makes it on a worker thread, see background.ts). */
  apply(analysis: DevAnalysis): VFile[]
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
  let graph: Graph | undefined

  const renderWith = (graph: Graph) => {
    renderer = createRenderer(graph, {
      base: '/',
      siteUrl: undefined,
      sourceHref: undefined,
      assets: {css: options.stylesheet ?? 'src/client/style.css', scripts: scriptSources},
      eta: createEta({cache: true, debug: true, ...(options.templates ? {views: options.templates} : {})})
    })
    byPath = new Map(renderer.routes.map((route) => [`/${outputFile(route.page)}`, route]))
    // Computed when asked for: a save costs only what the open page needs.
    json = once(() => graphJson(graph))
    const path = summariesFile(graph)
    summaries = path ? {path: `/${path}`, body: once(() => summariesJson(graph))} : undefined
  }

  const devSite: DevSite = {
    refresh() {
      return devSite.apply(analyzeReadme(options.input))
    },

    apply(analysis) {
      // A template error belongs to the render that met it: the next render says again if it is still there.
      templateFile = undefined
      file = analysis.file
      metaFile = analysis.meta
      if (analysis.graph) graph = analysis.graph
      // When the README cannot be read into a graph, the last good one stays on screen. Either way the
      // renderer is made afresh, with its own template cache, so a template edit shows on the next request.
      if (graph) renderWith(graph)
      return devSite.messages()
    },

    page(path) {
      const clean = path.endsWith('/') ? `${path}index.html` : path
      if (clean === '/graph.json') return {body: json(), type: 'application/json; charset=utf-8'}
      if (clean === summaries?.path) return {body: summaries.body(), type: 'application/json; charset=utf-8'}
      if (clean === '/README.md') return {body: String(file.value ?? ''), type: 'text/markdown; charset=utf-8'}
      const route = byPath.get(clean)
      if (!route || !renderer) return undefined
      templateFile = undefined
      let html: string
      try {
        html = renderer.render(route)
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error
        templateFile = new VFile({path: error.template})
        templateFile.message(error.reason, {place: error.place, ruleId: 'template', source: ruleSource}).fatal = true
        html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Template error</title></head><body><main></main></body></html>'
      }
      return {body: html, type: 'text/html; charset=utf-8'}
    },

    messages() {
      return [file, ...(metaFile ? [metaFile] : []), ...(templateFile ? [templateFile] : [])]
    }
  }
  return devSite
}

/** Reads and analyzes the README best-effort, as `--allow-errors` does: what the errors name is left out. */
export function analyzeReadme(input: string): DevAnalysis {
  let file: VFile
  try {
    // A file over the size limit is not read: the vfile holds only the error that says so.
    file = readSync(input)
  } catch (error) {
    file = new VFile({path: shownPath(input)})
    file.message(`Cannot read ${input}: ${(error as Error).message}`, {ruleId: 'read', source: ruleSource}).fatal = true
    return {file, graph: undefined}
  }
  const result = analyze(file)
  if (!result) return {file, graph: undefined}
  const graph = bestEffort(result.graph, result.raw)
  // The build's reader: the same messages, but a broken entry is left out rather than stopping the preview.
  const meta = readMetaCache(metaPathFor(input))
  graph.meta = metaByPaper(graph.papers, meta.cache)
  graph.history = noHistory(historyOff)
  return {file, graph, meta: meta.file.messages.length > 0 ? meta.file : undefined}
}

import {readFile, readdir} from 'node:fs/promises'
import {join, relative, resolve} from 'node:path'
import {VFile} from 'vfile'
import {bestEffort} from './graph/best-effort.ts'
import {source as ruleSource} from './rules/rule.ts'
import {sitePages} from './render/index.ts'
import {createEta, TemplateError} from './render/eta.ts'
import {graphJson} from './render/graph-json.ts'
import {summariesFile, summariesJson} from './render/summaries.ts'
import {extraFiles} from './render/extra-files.ts'
import {writeSite, type SiteFiles} from './write/output.ts'
import {MetaCacheError, metaByPaper, metaPathFor, readMetaCache} from './meta/cache.ts'
import {historyOff, noHistory, readHistory} from './history/history.ts'
import {projectRoot} from './project-root.ts'
import type {Analysis} from './analyze.ts'
import type {BuildOptions, BuildResult} from './build.ts'
import type {ClientBundle} from './write/client.ts'

// The stages after the rules: the best-effort graph, arXiv metadata and history, render, write. A build
// loads this module only once the README has passed, so a check, or a build that stops at an error,
// never loads the renderer or the template engine.

const publicDir = join(projectRoot, 'public')

/** Renders the analysed README and writes the site; `base` is normalized, `client` the browser bundle on its way. */
export async function publish(file: VFile, analysis: Analysis, options: BuildOptions & {base: string}, client: Promise<ClientBundle>): Promise<BuildResult> {
  const {base} = options
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

  const bundle = await client
  // Pages are rendered as they are written; a template error stops the write before the swap.
  const pages = sitePages(graph, {base, siteUrl: options.siteUrl, sourceHref: options.sourceHref, assets: bundle.assets, eta: createEta(options.templates ? {views: options.templates} : {})})
  const files: SiteFiles = new Map([
    ...(await publicFiles()),
    ...bundle.files,
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

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
import {metaByPaper, metaPathFor, readMetaCache} from './meta/cache.ts'
import {historyOff, noHistory, readHistory} from './history/history.ts'
import {readRenames} from './history/renames.ts'
import {hasErrors} from './rules/index.ts'
import {projectRoot} from './util/project-root.ts'
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
  const meta = readMetaCache(options.meta ?? metaPathFor(options.input))
  // Its warnings (text that was cut) are reported with the README's.
  const reported = meta.file.messages.length > 0 ? [file, meta.file] : [file]
  if (hasErrors(meta.file)) return {files: reported, graph, written: false}
  graph.meta = metaByPaper(graph.papers, meta.cache)
  if (options.history === false) graph.history = noHistory(historyOff)
  else [graph.history, graph.renames] = await Promise.all([readHistory(options.input, graph), readRenames(options.input, graph)])

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
    return {files: [...reported, template], graph, written: false}
  }
  return {files: reported, graph, written: true}
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

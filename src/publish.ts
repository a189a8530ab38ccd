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
import {complete, readCompletion} from './pipeline.ts'
import {projectRoot} from './util/project-root.ts'
import type {Analysis} from './analyze.ts'
import type {BuildOptions, BuildResult} from './build-options.ts'
import type {ClientBundle} from './write/client.ts'
import type {CommittedHistory} from './history/committed.ts'

// The stages after the rules: the best-effort graph, completed with the arXiv metadata and the history
// (src/pipeline.ts, as the dev server completes it), render, write. A build
// loads this module only once the README has passed, so a check, or a build that stops at an error,
// never loads the renderer or the template engine.

const publicDir = join(projectRoot, 'public')

/** Renders the analysed README and writes the site; `base` is normalized, `client` the browser bundle on its way. */
export async function publish(file: VFile, analysis: Analysis, options: BuildOptions & {base: string; committed?: CommittedHistory | undefined}, client: Promise<ClientBundle>): Promise<BuildResult> {
  const {base} = options
  // With --allow-errors, what the errors name is left out; without errors this is the whole graph.
  const linked = bestEffort(analysis.graph, analysis.raw)
  const {completion, metaFile} = await readCompletion(linked, options)
  // The metadata cache's warnings (text that was cut) are reported with the README's; its errors stop the build.
  const reported = metaFile.messages.length > 0 ? [file, metaFile] : [file]
  if (!completion) return {files: reported, graph: linked, written: false}
  const graph = complete(linked, completion)

  const bundle = await client
  // Pages are rendered as they are written; a template error stops the write before the swap.
  const pages = sitePages(graph, {base, siteUrl: options.siteUrl, sourceHref: options.sourceHref, assets: bundle.assets, eta: createEta(options.templates ? {views: options.templates} : {})})
  const summaries = summariesFile(graph)
  const files: SiteFiles = new Map([
    // The two largest data files first, each made just before it is written: then neither is held in
    // memory while ten thousand pages are rendered.
    ['graph.json', () => graphJson(graph)],
    ...(summaries ? [[summaries, () => summariesJson(graph)] as const] : []),
    ...(await publicFiles()),
    ...bundle.files,
    ...pages,
    ...extraFiles(graph, {base, siteUrl: options.siteUrl}),
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

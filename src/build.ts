import type {VFile} from 'vfile'
import {parseAndAnalyze, readList} from './analyze.ts'
import {splitMessages} from './extract/inputs.ts'
import {hasErrors} from './rules/index.ts'
import {normalizeBase} from './render/paths.ts'
import {bundleClient} from './write/client.ts'
import {CommittedHistory} from './history/committed.ts'
import type {BuildOptions, BuildResult} from './build-options.ts'

// The stages before the render live in analyze.ts; those from the render on in publish.ts, loaded only
// when the README has passed. Re-exported here for the callers that import the whole pipeline.
export type {BuildOptions, BuildResult} from './build-options.ts'
export {analyze, analyzeTree, analyzeWithHistory, read, readList, withoutByteOrderMark, type Analysis} from './analyze.ts'

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
  // git too: the README's log and committed versions are read on their own processes while it is parsed.
  const committed = options.checkOnly || options.history === false ? undefined : new CommittedHistory(options.input, String(file.value))
  committed?.check()
  const analysis = await parseAndAnalyze(file, options)
  if (!analysis || !bundling || (hasErrors(file) && !options.allowErrors)) {
    return {files: [file], graph: analysis?.graph, written: false}
  }
  const {publish} = await import('./publish.ts')
  return publish(file, analysis, {...options, base, committed}, bundling)
}

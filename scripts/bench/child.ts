/**
 * One measurement in a fresh process, so that its peak RSS is its own:
 *   parse FILE       the whole-file remark parse (the floor the build is compared with)
 *   build FILE OUT   the full build into OUT
 *   related FILE     related papers of every paper (after the analysis, which is not timed), with what each pair shares
 * Prints one JSON line: wall time of the work (after the modules are loaded) and peak RSS.
 */
import {readFileSync} from 'node:fs'
import {build} from '../../src/build.ts'
import {parseWhole} from '../../src/parse/split.ts'
import {parseAndAnalyze, read} from '../../src/analyze.ts'
import {relatedPapers} from '../../src/graph/related.ts'

const [mode, input, out] = process.argv.slice(2)
if (!input) throw new Error('usage: child.ts parse|build|related FILE [OUT]')
let ms: number
let ok = true
if (mode === 'parse') {
  const source = readFileSync(input, 'utf8')
  const started = performance.now()
  parseWhole(source)
  ms = performance.now() - started
} else if (mode === 'related') {
  const analysis = await parseAndAnalyze(await read(input))
  const started = performance.now()
  // What two papers share is worked out when a page reads it: read it all, as the paper pages do.
  for (const list of relatedPapers(analysis!.graph).values()) for (const related of list) void related.shared
  ms = performance.now() - started
} else {
  const started = performance.now()
  const result = await build({input, out: out!, allowErrors: true})
  ms = performance.now() - started
  ok = result.written
}
console.log(JSON.stringify({ms, rssMb: process.resourceUsage().maxRSS / 1024, ok}))

/**
 * One measurement in a fresh process, so that its peak RSS is its own:
 *   parse FILE       the whole-file remark parse (the floor the build is compared with)
 *   build FILE OUT   the full build into OUT
 *   check FILE       what `npm run check` does: read and analyze one version
 *   diff DIR         what `npm run diff` does in the repository DIR: both versions of README.md, compared, as markdown
 *   related FILE     related papers of every paper (after the analysis, which is not timed), with what each pair shares
 * Prints one JSON line: wall time of the work (after the modules are loaded), CPU time of the whole
 * process, and peak RSS.
 */
import {readFileSync} from 'node:fs'
import {build} from '../../src/build.ts'
import {diffRevisions} from '../../src/diff/revisions.ts'
import {formatMarkdown} from '../../src/diff/format-markdown.ts'
import {parseWhole} from '../../src/parse/split.ts'
import {analyze, parseAndAnalyze, read} from '../../src/analyze.ts'
import {relatedPapers} from '../../src/graph/related.ts'
import {peakRssMb} from './peak-rss.ts'

const [mode, input, out] = process.argv.slice(2)
if (!input) throw new Error('usage: child.ts parse|build|check|diff|related FILE [OUT]')
let ms: number
let ok = true
const cpuBefore = cpuNow()
if (mode === 'parse') {
  const source = readFileSync(input, 'utf8')
  const started = performance.now()
  parseWhole(source)
  ms = performance.now() - started
} else if (mode === 'check') {
  const started = performance.now()
  analyze(await read(input))
  ms = performance.now() - started
} else if (mode === 'diff') {
  const started = performance.now()
  formatMarkdown((await diffRevisions({input: 'README.md', cwd: input})).diff)
  ms = performance.now() - started
} else if (mode === 'related') {
  const analysis = await parseAndAnalyze(await read(input), {input, history: false})
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
const cpuAfter = cpuNow()
const cpuMs = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined
console.log(JSON.stringify({ms, cpuMs, rssMb: peakRssMb(), ok}))

/**
 * CPU time so far, of this process's threads and of the processes it waited for (git), in ms: on a
 * machine shared with other work it varies far less than wall time. From /proc on Linux, else undefined.
 */
function cpuNow(): number | undefined {
  const {user, system} = process.cpuUsage()
  const stat = (() => {
    try {
      return readFileSync('/proc/self/stat', 'utf8')
    } catch {
      return undefined
    }
  })()
  if (!stat) return undefined
  // Fields after the command name (which may hold spaces, inside parentheses): cutime and cstime are the 16th and 17th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[13]) + Number(fields[14])
  return (user + system) / 1000 + ticks * 10
}

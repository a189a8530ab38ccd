/**
 * The flat form's rows of `npm run bench` alone, for work on the flat build's speed without the whole bench:
 * the whole-file parse and the build at each size, each in its own process (scripts/bench/child.ts), in one
 * run, with build ÷ parse, peak RSS, and 10,000 ÷ 1,000 scaling.
 *
 *   node scripts/run.js bench/flat                  1,000 and 10,000 papers
 *   node scripts/run.js bench/flat 1000             one size
 *   node scripts/run.js bench/flat --keep DIR       keep the READMEs and sites in DIR (to compare outputs)
 *   node scripts/run.js bench/flat --form sub-bullets   the same rows for another entry form
 */
import {execFile} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {syntheticReadme, type EntryForm} from './readme.ts'
import {cli} from '../shared/cli.ts'

interface Measure {
  ms: number
  cpuMs?: number
  rssMb: number
  ok: boolean
}

const run = promisify(execFile)
const args = process.argv.slice(2)
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const keep = option('--keep')
const form = (option('--form') ?? 'flat') as EntryForm
const sizes = args.filter((arg, index) => /^\d+$/.test(arg) && !['--keep', '--form'].includes(args[index - 1]!)).map(Number)
const work = keep ?? mkdtempSync(join(tmpdir(), 'awesome-bench-flat-'))
mkdirSync(work, {recursive: true})

async function child(...childArgs: string[]): Promise<Measure> {
  const {stdout} = await run(...cli('bench/child', ...childArgs), {maxBuffer: 16 * 1024 * 1024})
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measure
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const cpu = (parse: Measure, built: Measure) => (parse.cpuMs && built.cpuMs ? `${s(parse.cpuMs)}, ${s(built.cpuMs)}, ${(built.cpuMs / parse.cpuMs).toFixed(2)}×` : '')
const before = loadavg()[0]!
const builds = new Map<number, number>()
console.log(`Form: ${form}\n`)
console.log('| papers | whole-file parse | build | build ÷ parse | CPU: parse, build, ratio | parse RSS | build RSS | RSS ratio |')
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const papers of sizes.length > 0 ? sizes : [1000, 10000]) {
  const input = join(work, `${form}-${papers}.md`)
  writeFileSync(input, syntheticReadme({papers, form}))
  const parse = await child('parse', input)
  const built = await child('build', input, join(work, `site-${form}-${papers}`))
  builds.set(papers, built.ms)
  console.log(`| ${papers} | ${s(parse.ms)} | ${s(built.ms)}${built.ok ? '' : ' (failed)'} | ${(built.ms / parse.ms).toFixed(2)}× | ${cpu(parse, built)} | ${parse.rssMb.toFixed(0)} MB | ${built.rssMb.toFixed(0)} MB | ${(built.rssMb / parse.rssMb).toFixed(2)}× |`)
}
if (builds.has(1000) && builds.has(10000)) console.log(`\nScaling, build at 10,000 ÷ 1,000: ${(builds.get(10000)! / builds.get(1000)!).toFixed(2)}×`)
console.log(`Load average (1 min) at the start and the end: ${before.toFixed(2)} and ${loadavg()[0]!.toFixed(2)}`)
if (!keep) rmSync(work, {recursive: true, force: true})

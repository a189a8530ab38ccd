import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {slowInputs} from './slow-inputs/inputs.ts'
import {slowInputsFile, writeSlowInputsSection, type SlowInputsRun, type SlowRow} from './slow-inputs/table.ts'
import {projectRoot} from '../src/util/project-root.ts'

/**
 * `npm run slow-inputs [-- NAME…]`: makes each slow or large input of issue 9, runs the real `check` (and
 * `build`) on it in a child process under `/usr/bin/time -v`, and records the wall time, CPU time, peak RSS
 * and result in test-results/slow-inputs.json; then writes the table "Slow and large inputs" into
 * docs/QUALITY.md. Names (or parts of them) choose some inputs; the others keep their last figures.
 */
// The project root, also when this runs compiled from lib/scripts/.
const root = projectRoot
/** A run still going after this long is stopped and recorded as such. */
const stopAfter = 180_000
const chosen = process.argv.slice(2)
const time = '/usr/bin/time'
if (!existsSync(time)) {
  console.error(`${time} is needed for the peak memory (apt-get install time).`)
  process.exit(2)
}

interface Measured {
  seconds: number
  cpuSeconds: number
  peakRssMb: number
  exit: number | null
  output: string
  stopped: boolean
}

/** One command in a child process, measured by GNU time, stopped after `stopAfter`. */
function measure(args: string[]): Promise<Measured> {
  const report = join(tmpdir(), `slow-inputs-${process.pid}-${Date.now()}.time`)
  return new Promise((resolve) => {
    const started = performance.now()
    const child = spawn(time, ['-v', '-o', report, process.execPath, '--import', 'tsx', ...args], {cwd: root, env: {...process.env, GITHUB_ACTIONS: ''}, detached: true})
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)))
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)))
    let stopped = false
    const timer = setTimeout(() => {
      stopped = true
      // The whole group: time, node, and whatever node started.
      if (child.pid) process.kill(-child.pid, 'SIGKILL')
    }, stopAfter)
    child.on('close', (code) => {
      clearTimeout(timer)
      const seconds = (performance.now() - started) / 1000
      const text = existsSync(report) ? readFileSync(report, 'utf8') : ''
      rmSync(report, {force: true})
      const figure = (label: string) => Number(new RegExp(`${label}: ([\\d.:]+)`).exec(text)?.[1] ?? Number.NaN)
      resolve({
        seconds,
        cpuSeconds: figure('User time \\(seconds\\)') + figure('System time \\(seconds\\)'),
        peakRssMb: figure('Maximum resident set size \\(kbytes\\)') / 1024,
        exit: stopped ? null : (/Exit status: (\d+)/.exec(text) ? Number(/Exit status: (\d+)/.exec(text)![1]) : code),
        output,
        stopped
      })
    })
  })
}

/** What the command said, in a few words: the rules of its errors, or how much it built. */
function result(measured: Measured): string {
  if (measured.stopped) return `still running after ${stopAfter / 1000} s; stopped`
  if (/heap out of memory|Maximum call stack/.test(measured.output)) return `crashed: ${/FATAL ERROR[^\n]*|RangeError[^\n]*/.exec(measured.output)?.[0] ?? 'out of memory'}`
  const built = /Built (\d+) papers, (\d+) models/.exec(measured.output)
  if (built) return `built (${Number(built[1]).toLocaleString('en-US')} papers, ${Number(built[2]).toLocaleString('en-US')} models)`
  const summary = /[✖⚠] (\d+) errors?, (\d+) warnings?/.exec(measured.output)
  const rules = new Map<string, number>()
  for (const line of measured.output.split('\n')) {
    const rule = / {2}error {2}.* {2}([a-z-]+)$/.exec(line)?.[1]
    if (rule) rules.set(rule, (rules.get(rule) ?? 0) + 1)
  }
  const named = [...rules].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([rule, n]) => (n > 1 ? `${rule} ×${n.toLocaleString('en-US')}` : rule))
  if (summary && Number(summary[1]) > 0) return `exit ${measured.exit}: ${named.join(', ')}${rules.size > 3 ? ', …' : ''}`
  if (summary) return `exit ${measured.exit}: ${summary[2]} warnings, no error`
  if (measured.exit === 0) return 'exit 0: no problems'
  return `exit ${measured.exit}: ${measured.output.trim().split('\n').at(-1)?.slice(0, 120) ?? ''}`
}

const previous: SlowInputsRun | undefined = existsSync(slowInputsFile) ? (JSON.parse(readFileSync(slowInputsFile, 'utf8')) as SlowInputsRun) : undefined
const rows: SlowRow[] = []
const work = mkdtempSync(join(tmpdir(), 'slow-inputs-'))
const loadBefore = loadavg()[0]!
try {
  for (const input of slowInputs) {
    if (chosen.length > 0 && !chosen.some((part) => input.name.includes(part))) {
      rows.push(...(previous?.rows.filter((row) => row.input === input.name && row.command !== 'dev') ?? []))
      continue
    }
    const file = join(work, 'README.md')
    writeFileSync(file, input.make())
    const bytes = statSync(file).size
    for (const command of input.build ? (['check', 'build'] as const) : (['check'] as const)) {
      const args = command === 'check' ? ['scripts/check.ts', file] : ['scripts/build.ts', '--input', file, '--out', join(work, 'out')]
      const measured = await measure(args)
      const row: SlowRow = {input: input.name, what: input.what, bytes, command, seconds: measured.seconds, cpuSeconds: measured.cpuSeconds, peakRssMb: measured.peakRssMb, result: result(measured), load: loadavg()[0]!}
      rows.push(row)
      console.log(`${input.name} (${(bytes / 1e6).toFixed(2)} MB), ${command}: ${row.seconds.toFixed(1)} s, ${row.cpuSeconds.toFixed(1)} s CPU, ${Math.round(row.peakRssMb)} MB; ${row.result}`)
      rmSync(join(work, 'out'), {recursive: true, force: true})
    }
    rmSync(file, {force: true})
  }
  // The dev server, asked for a page while it rebuilds after a save (a 400 KB README held every request for 46 s).
  for (const input of slowInputs.filter((each) => each.dev)) {
    if (chosen.length > 0 && !chosen.some((part) => `dev: ${input.name}`.includes(part))) {
      rows.push(...(previous?.rows.filter((row) => row.input === input.name && row.command === 'dev') ?? []))
      continue
    }
    const readme = join(work, 'dev', 'README.md')
    const slow = join(work, 'slow.md')
    mkdirSync(dirname(readme), {recursive: true})
    writeFileSync(readme, readFileSync(join(root, 'test/fixtures/seed/README.md')))
    writeFileSync(slow, input.make())
    const measured = await measure(['scripts/slow-inputs/dev-request.ts', readme, slow])
    const answer = /\{"requestMs".*\}/.exec(measured.output)?.[0]
    const figures = answer ? (JSON.parse(answer) as {requestMs: number; lastBuild: boolean; rebuildMs: number}) : undefined
    const row: SlowRow = {
      input: input.name,
      what: `${input.what}, saved while the dev server runs`,
      bytes: statSync(slow).size,
      command: 'dev',
      seconds: (figures?.requestMs ?? Number.NaN) / 1000,
      cpuSeconds: measured.cpuSeconds,
      peakRssMb: measured.peakRssMb,
      result: figures ? `a request during the rebuild answered in ${Math.round(figures.requestMs)} ms${figures.lastBuild ? ', with the last build' : ''}; the rebuild took ${(figures.rebuildMs / 1000).toFixed(1)} s` : result(measured),
      load: loadavg()[0]!
    }
    rows.push(row)
    console.log(`${input.name}, dev: ${row.result}`)
    rmSync(join(work, 'dev'), {recursive: true, force: true})
  }
} finally {
  rmSync(work, {recursive: true, force: true})
}

const run: SlowInputsRun = {at: new Date().toISOString(), node: process.version, load: [loadBefore, loadavg()[0]!], rows}
mkdirSync(dirname(slowInputsFile), {recursive: true})
writeFileSync(slowInputsFile, `${JSON.stringify(run, null, 2)}\n`)
writeSlowInputsSection(run)
console.log(`Wrote ${slowInputsFile} and the table in docs/QUALITY.md.`)

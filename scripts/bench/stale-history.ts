/**
 * Two git repositories for the history benchmark, with the same two first commits:
 * 1. a synthetic list numbered globally, its tables citing those numbers;
 * 2. its numbering restarted in each subsection, every table row rewritten to cite arXiv ids except a
 *    few rows, left as commit 1 wrote them, that hold `stale` references.
 * The `fixed` repository has a third commit with those rows rewritten too, as `npm run fix` would: a
 * build of it links the same papers without resolving anything through the history.
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {syntheticReadme} from './readme.ts'

export interface StaleHistory {
  /** The README whose stale rows the build resolves through the history. */
  stale: string
  /** The same list, its stale rows already rewritten. */
  fixed: string
  references: number
}

export function staleHistory(work: string, papers: number, stale: number): StaleHistory {
  const global = syntheticReadme({papers, form: 'flat', seed: 7})
  const arxiv = new Map<number, string>()
  for (const match of global.matchAll(/^- \[(\d+)\] .*\n {2}Arxiv, \[Paper\]\(https:\/\/arxiv\.org\/pdf\/([\d.]+)\)/gm)) arxiv.set(Number(match[1]), match[2]!)
  const byArxiv = (cell: string) => cell.replace(/\[(\d+)\]/g, (_, n: string) => `[${arxiv.get(Number(n))}]`)

  // The first rows, up to `stale` references, stay as commit 1 wrote them (the last one cut to fit, in both commits).
  let left = stale
  const lines = global.split('\n')
  const kept = new Set<number>()
  lines.forEach((line, index) => {
    const row = /^(\| [^|]+ \| )(\[[^|]*\])( \|)$/.exec(line)
    if (!row || left === 0) return
    const refs = row[2]!.split(',')
    const take = refs.slice(0, left)
    lines[index] = `${row[1]}${take.join(',')}${row[3]}`
    left -= take.length
    kept.add(index)
  })
  const v1 = lines.join('\n')

  let number = 0
  let inPapers = false
  const renumbered = lines.map((line, index) => {
    if (/^## /.test(line)) inPapers = line === '## Papers'
    if (inPapers && /^### /.test(line)) number = 0
    if (inPapers && /^- \[\d+\] /.test(line)) return line.replace(/^- \[\d+\]/, `- [${++number}]`)
    return /^\| [^|]+ \| \[/.test(line) && !kept.has(index) ? byArxiv(line) : line
  })
  const v2 = renumbered.join('\n')
  const v3 = renumbered.map((line, index) => (kept.has(index) ? byArxiv(lines[index]!) : line)).join('\n')

  const repo = (name: string, versions: string[]) => {
    const root = join(work, name)
    mkdirSync(root, {recursive: true})
    const git = (args: string[], date?: string) =>
      execFileSync('git', args, {
        cwd: root,
        stdio: 'ignore',
        env: {...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid', ...(date ? {GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date} : {})}
      })
    git(['init', '--quiet', '--initial-branch=main'])
    versions.forEach((text, n) => {
      writeFileSync(join(root, 'README.md'), text)
      git(['add', 'README.md'])
      git(['commit', '--quiet', '-m', `Version ${n + 1}`], `2024-0${n + 1}-01T00:00:00Z`)
    })
    return join(root, 'README.md')
  }
  return {stale: repo('stale', [v1, v2]), fixed: repo('fixed', [v1, v2, v3]), references: stale - left}
}

export interface HistoryCost {
  references: number
  /** Medians of the runs, ms: wall time and CPU time (undefined where /proc is missing). */
  stale: {ms: number; cpuMs: number | undefined}
  fixed: {ms: number; cpuMs: number | undefined}
  runs: number
}

/**
 * Builds each list `runs` times, alternating, each in a fresh process (`build`), and keeps the medians.
 * The budget is judged on CPU time where there is one: on a machine shared with other work, wall time
 * drifts by more than the difference measured.
 */
export async function historyCost(work: string, build: (input: string, out: string) => Promise<{ms: number; cpuMs?: number | undefined}>, runs = 5): Promise<HistoryCost> {
  const lists = staleHistory(work, 1000, 200)
  const times = {stale: [] as Array<{ms: number; cpuMs?: number | undefined}>, fixed: [] as Array<{ms: number; cpuMs?: number | undefined}>}
  for (let run = 0; run < runs; run++) {
    for (const kind of ['fixed', 'stale'] as const) times[kind].push(await build(lists[kind], join(work, `site-${kind}-${run}`)))
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
  const summary = (list: typeof times.stale) => ({
    ms: median(list.map((t) => t.ms)),
    cpuMs: list.every((t) => t.cpuMs !== undefined) ? median(list.map((t) => t.cpuMs!)) : undefined
  })
  return {references: lists.references, stale: summary(times.stale), fixed: summary(times.fixed), runs}
}

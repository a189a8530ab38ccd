import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {compiledScript} from '../shared/cli.ts'

export interface ProcessMeasure {
  /** Median wall time, from spawning the process to its exit, in ms. */
  wall: number
  /** Median peak RSS, in MB. */
  rssMb: number
  /** Exit code of the last run. */
  code: number | null
  walls: number[]
}

/** A command as a contributor starts it: a program under plain node, with its arguments. */
export interface Command {
  label: string
  script: string
  args: string[]
  cwd?: string
}

/**
 * Runs each command `runs` times, the commands taking turns (so that a change in the machine's load
 * falls on all of them alike), and returns the median wall time and peak RSS of each.
 */
export async function measureProcesses(commands: Command[], runs = 5): Promise<Map<string, ProcessMeasure>> {
  const samples = new Map(commands.map((command) => [command.label, [] as Array<{wall: number; rssMb: number; code: number | null}>]))
  for (let run = 0; run < runs; run++) {
    for (const command of commands) samples.get(command.label)!.push(await once(command))
  }
  return new Map(
    [...samples].map(([label, list]) => [label, {wall: median(list.map((s) => s.wall)), rssMb: median(list.map((s) => s.rssMb)), code: list[list.length - 1]!.code, walls: list.map((s) => s.wall)}])
  )
}

async function once(command: Command): Promise<{wall: number; rssMb: number; code: number | null}> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rss-'))
  const file = join(dir, 'rss')
  try {
    const started = performance.now()
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', compiledScript('bench/peak-rss'), command.script, ...command.args], {
        cwd: command.cwd,
        stdio: 'ignore',
        env: {...process.env, PEAK_RSS_FILE: file, GITHUB_ACTIONS: ''}
      })
      child.on('error', reject)
      child.on('exit', (exitCode) => resolve(exitCode))
    })
    const wall = performance.now() - started
    return {wall, rssMb: Number(readFileSync(file, 'utf8')), code}
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

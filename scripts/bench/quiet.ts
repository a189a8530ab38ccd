import {readdirSync, readFileSync} from 'node:fs'

/**
 * Waits until the processes this one started (the browser and its renderer, GPU and utility processes) are
 * quiet: a tenth of a second in which together they used at most one clock tick (10 ms) of CPU, and at whose
 * end none of them is running or waiting to run. On a loaded machine a busy process can be given less than a
 * tick in a tenth of a second; it is still runnable, so it still counts as busy. A page that
 * has just loaded is not: for about a third of a second Chromium goes on with its own work after the load
 * event (its browser process most of all), and on two cores that work shares the CPU with whatever the
 * page does next. A reader's first keystroke does not come 50 ms after the load; a harness's does.
 * Gives up after five seconds, and does not wait where there is no /proc to read.
 */
export async function quiet(window = 100, timeout = 5000): Promise<void> {
  const start = Date.now()
  const first = descendants()
  if (first === undefined) return
  let before = first.ticks
  while (Date.now() - start < timeout) {
    await new Promise((resolve) => setTimeout(resolve, window))
    const now = descendants() ?? {ticks: before, runnable: false}
    if (now.ticks - before <= 1 && !now.runnable) return
    before = now.ticks
  }
}

/**
 * Clock ticks of CPU used so far by every process descended from this one, and whether any of them is
 * running or runnable now (state R); undefined without /proc.
 */
function descendants(): {ticks: number; runnable: boolean} | undefined {
  let names: string[]
  try {
    names = readdirSync('/proc')
  } catch {
    return undefined
  }
  const parents = new Map<number, number>()
  const ticks = new Map<number, number>()
  const running = new Set<number>()
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8')
    } catch {
      continue // gone since the listing
    }
    // After the command's name (in parentheses, and it may hold spaces): state, ppid, … utime (14th), stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    parents.set(Number(name), Number(fields[1]))
    ticks.set(Number(name), Number(fields[11]) + Number(fields[12]))
    if (fields[0] === 'R') running.add(Number(name))
  }
  let total = 0
  let runnable = false
  for (const [pid, used] of ticks) {
    for (let up = parents.get(pid); up; up = parents.get(up)) {
      if (up === process.pid) {
        total += used
        runnable ||= running.has(pid)
        break
      }
    }
  }
  return {ticks: total, runnable}
}

import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {chromium} from 'playwright-core'
import {chromiumPath} from '../shared/chromium.ts'
import {serveStatic} from '../shared/static-server.ts'
import {quiet} from './quiet.ts'

export interface Latency {
  median: number
  worst: number
  samples: number[]
  /**
   * The slowest key: each key's median over the rounds, and the highest of those. The worst of all samples
   * is set by one sample, which on a shared machine is often another process's moment, not the page's; this
   * says which key is slow every time, and by how much. With one round, it is that round's worst.
   */
  slowestKey: number
  /** Each key's median over the rounds, in the order typed. */
  keys: number[]
}

/** What `npm run bench` reports for filtering: each list size, and the empty page's floor measured in the same run. */
export interface FilterFigures {
  sizes: Map<number, Latency>
  floor: Latency
  rounds: number
  /** The same keystrokes timed to the former end mark (see `Keystrokes`), each size's slowest key by it, for comparison. */
  queued: Map<number, number>
}

/** One round's keystrokes, each timed from its keydown to two marks. */
export interface Keystrokes {
  /**
   * To the end of the key's frame on the page's main thread: a user-blocking task posted from the frame runs right
   * after the frame's task, before the tasks of normal priority queued behind it (an input event can still come first).
   */
  frame: number[]
  /**
   * To a message posted from the frame, the mark used until 2026-11-30: it runs only after every task queued
   * before it, such as Chromium's autofill bookkeeping for the search box (0.4–2.3 ms a key in a trace), which
   * comes after the frame and does not delay it.
   */
  queued: number[]
}

/** The budget per list size (issue 15); where the frame floor makes it unmeasurable, floor + 5 ms stands in for it. */
export const filterBudgets: ReadonlyArray<readonly [papers: number, ms: number]> = [
  [1000, 16],
  [10000, 50]
]
const floorMargin = 5
/** Rounds in a full run: the floor and each size take turns, so that all share the machine's state of the moment. */
export const filterRounds = 5

/**
 * The empty-page floor: a page with the search box and nothing else (no rows, no script), timed by the same
 * harness. What it measures is the browser's own cost of a key, an input event and a frame on this machine.
 */
const floorPage = 'filter-floor.html'
const floorHtml = '<!doctype html><html lang="en"><title>Floor</title><form id="filter-form"><input id="filter-q" type="search"></form></html>\n'

/** Measures the floor, then each site's home page, round after round, so that all share the machine's state of the moment. */
export async function filterFigures(sites: Map<number, string>, rounds = filterRounds): Promise<FilterFigures> {
  const [first] = sites.values()
  if (first) writeFileSync(join(first, floorPage), floorHtml)
  const floors: number[][] = []
  const samples = new Map<number, Keystrokes[]>()
  for (let round = 0; round < rounds && first; round++) {
    floors.push((await filterLatency(first, undefined, floorPage)).frame)
    for (const [papers, site] of sites) samples.set(papers, [...(samples.get(papers) ?? []), await filterLatency(site)])
  }
  const by = (mark: keyof Keystrokes) => new Map([...samples].map(([papers, list]) => [papers, byRounds(list.map((round) => round[mark]))]))
  return {sizes: by('frame'), floor: byRounds(floors), rounds, queued: new Map([...by('queued')].map(([papers, latency]) => [papers, latency.slowestKey]))}
}

/** All rounds' samples as one, and the slowest key by its median over the rounds. */
function byRounds(rounds: number[][]): Latency {
  const keys = Math.min(...rounds.map((round) => round.length))
  const medians = Array.from({length: keys}, (_, key) => summary(rounds.map((round) => round[key]!)).median)
  return {...summary(rounds.flat()), slowestKey: Math.max(...medians), keys: medians}
}

/**
 * The limit a size's slowest key must meet: its budget, or the empty page's slowest key + 5 ms when that
 * leaves no room for the budget (the first key typed into any page costs Chromium several milliseconds).
 */
export function filterLimit(budget: number, floor: Latency): {limit: number; label: string} {
  const fromFloor = floor.slowestKey + floorMargin
  return fromFloor > budget ? {limit: fromFloor, label: `≤ floor + ${floorMargin} ms (${fromFloor.toFixed(1)} ms; budget ${budget} ms)`} : {limit: budget, label: `≤ ${budget} ms`}
}

function summary(samples: number[]): Omit<Latency, 'slowestKey' | 'keys'> {
  const sorted = [...samples].sort((a, b) => a - b)
  return {median: sorted[Math.floor(sorted.length / 2)] ?? NaN, worst: sorted[sorted.length - 1] ?? NaN, samples}
}

/**
 * Types a word into the search box and deletes it again, one key at a time, and times each keystroke from
 * its keydown event to the end of the next frame (see `Keystrokes`). Each key is held for a moment, as a typist
 * holds it: a key-up sent at once was sometimes handled between the key's frame and its end mark. Frame-rate
 * limiting is off, so the figure is the page's own work, not the wait for the next 60 Hz tick.
 */
export async function filterLatency(site: string, word = 'merging llama', path = ''): Promise<Keystrokes> {
  const server = await serveStatic(site)
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-frame-rate-limit', '--disable-gpu-vsync']
  })
  try {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    await page.goto(`${server.url}${path}`, {waitUntil: 'load'})
    await page.waitForSelector('#filter-form:not([hidden])')
    await page.evaluate(() => {
      type Scheduler = {postTask(task: () => void, options: {priority: 'user-blocking'}): Promise<void>}
      const {scheduler} = globalThis as unknown as {scheduler: Scheduler}
      const box = document.getElementById('filter-q')!
      const marks: Keystrokes = {frame: [], queued: []}
      ;(window as unknown as {marks: Keystrokes}).marks = marks
      let start = 0
      box.addEventListener('keydown', (event) => (start = event.timeStamp), true)
      box.addEventListener('input', () => {
        requestAnimationFrame(() => {
          const key = marks.frame.push(NaN) - 1
          marks.queued.push(NaN)
          // The frame's task is running: a user-blocking task runs right after it, before the normal tasks queued meanwhile.
          void scheduler.postTask(() => (marks.frame[key] = performance.now() - start), {priority: 'user-blocking'})
          const channel = new MessageChannel()
          channel.port1.onmessage = () => (marks.queued[key] = performance.now() - start)
          channel.port2.postMessage(0)
        })
      })
    })
    await page.focus('#filter-q')
    // The reader's first keystroke comes after the page has settled, not in Chromium's own work after the load.
    await quiet()
    for (const key of [...word, ...Array.from(word, () => 'Backspace')]) {
      await page.keyboard.down(key)
      await page.waitForTimeout(60)
      await page.keyboard.up(key)
      await page.waitForTimeout(60)
    }
    const marks = await page.evaluate(() => (window as unknown as {marks: Keystrokes}).marks)
    // A mark that never came (no `scheduler` in the browser, a frame that never ran) would read as NaN and sort anywhere.
    if (![...marks.frame, ...marks.queued].every(Number.isFinite)) throw new Error(`a keystroke's end mark never came: ${JSON.stringify(marks)}`)
    return marks
  } finally {
    await browser.close()
    await server.close()
  }
}

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
  const samples = new Map<number, number[][]>()
  for (let round = 0; round < rounds && first; round++) {
    floors.push(await filterLatency(first, undefined, floorPage))
    for (const [papers, site] of sites) samples.set(papers, [...(samples.get(papers) ?? []), await filterLatency(site)])
  }
  return {sizes: new Map([...samples].map(([papers, list]) => [papers, byRounds(list)])), floor: byRounds(floors), rounds}
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
 * Types a word into the search box and deletes it again, one key at a time, and measures each
 * keystroke from the keydown event to just after the next frame (requestAnimationFrame, then a
 * message posted from it, which runs once that frame is painted). Frame-rate limiting is off, so
 * the figure is the page's own work, not the wait for the next 60 Hz tick.
 */
export async function filterLatency(site: string, word = 'merging llama', path = ''): Promise<number[]> {
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
      const box = document.getElementById('filter-q')!
      const samples: number[] = []
      ;(window as unknown as {samples: number[]}).samples = samples
      let start = 0
      box.addEventListener('keydown', (event) => (start = event.timeStamp), true)
      box.addEventListener('input', () => {
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => samples.push(performance.now() - start)
          channel.port2.postMessage(0)
        })
      })
    })
    await page.focus('#filter-q')
    // The reader's first keystroke comes after the page has settled, not in Chromium's own work after the load.
    await quiet()
    for (const key of [...word, ...Array.from(word, () => 'Backspace')]) {
      await page.keyboard.press(key)
      await page.waitForTimeout(120)
    }
    return await page.evaluate(() => (window as unknown as {samples: number[]}).samples)
  } finally {
    await browser.close()
    await server.close()
  }
}

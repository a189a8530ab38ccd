// The dev server's site thread (see background.ts): holds the dev site (state.ts), reads the README again
// when asked, and renders the pages asked for. Plain JavaScript: beside the compiled modules
// (lib/src/dev/, under `npm run dev`) it imports them as they are; beside the TypeScript sources (under
// vitest) it loads them through tsx's API.
import {existsSync} from 'node:fs'
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {parentPort, workerData} from 'node:worker_threads'

const compiled = existsSync(new URL('./state.js', import.meta.url))
const load = async (name) => (compiled ? import(`./${name}.js`) : (await import('tsx/esm/api')).tsImport(`./${name}.ts`, import.meta.url))
const [{createDevSite}, {sendFile, sendPage}] = await Promise.all([load('state'), load('background')])
const site = createDevSite(workerData)

// V8's collector, to call between saves (below). Exposed the way Node allows once it has started: the flag,
// then a new context, which gets the function; then the flag goes off again, since V8's flags belong to the
// whole process (a context made later, on any thread, gets no `gc`). Undefined if this Node refuses, and
// then nothing is collected early.
setFlagsFromString('--expose-gc')
/** @type {((options?: {type: 'minor' | 'major'}) => void) | undefined} */
const collect = runInNewContext('typeof gc === "function" ? gc : undefined')
setFlagsFromString('--no-expose-gc')

/**
 * A save allocates about 100 MB on this thread and keeps a fraction: collected during the next save, its
 * survivors were copied while the contributor waited (a fifth of the refresh at 1,000 papers). So once the
 * thread has had nothing to do for a moment, the young generation is collected then, and the next save
 * starts with it empty: in a young generation of 384 MB (background.ts) it runs without a collection.
 * Measured on the bench's 1,000-paper list in one process: refresh and home page, median 133–141 ms without,
 * 111–114 ms with.
 */
const idleCollection = {delay: 100, timer: /** @type {NodeJS.Timeout | undefined} */ (undefined)}

/**
 * The rehearsal (server.ts): readings of the README, each after the thread has looked at its messages, until
 * two in a row take at most `warm` of the second one's time (V8 has then compiled the code a save runs with
 * its optimizing tier, and the heap has grown to what a save needs), or `passes` are done, or `budgetMs` has
 * gone by, or a save is waiting. The first page waits for it. On the bench's 1,000-paper list the readings took
 * 240, 210, 210, 220, 210, 185, then 110 ms: three readings left the first saves at 260–310 ms against 150–180
 * for the rest; seven, at 170–230 ms. One fast reading alone is not enough: once the readings went 455, 312,
 * then 160 ms, and the three after it took 265–395 ms again (the old generation still growing, and collected
 * as it grew); a rehearsal that stopped at the 160 left the first two saves at 300–440 ms.
 * At 10,000 papers a reading takes about 1.4 s, and the budget ends the rehearsal after one. A list whose
 * second reading is already warm has no faster one to wait for: the budget ends its rehearsal too.
 */
const rehearsal = {passes: 10, budgetMs: 2500, warm: 0.6}

async function rehearse() {
  const started = performance.now()
  let second = 0
  let took = 0
  let fast = 0
  // No reading starts that would end past the budget, were it as long as the last one.
  for (let pass = 0; pass < rehearsal.passes && performance.now() - started + took < rehearsal.budgetMs; pass++) {
    // A reading from cached pieces never waits for anything: without this, a save that came during one
    // pass would not be seen until all of them were done.
    await new Promise((resolve) => setImmediate(resolve))
    if (saves > 0) return
    const before = performance.now()
    await site.rehearse()
    took = performance.now() - before
    // Against the second reading: the first one also pays for loading and first compiles, and can be so slow
    // that the second already looks warm beside it.
    if (pass === 1) second = took
    else if (pass > 1 && took <= rehearsal.warm * second) {
      if (++fast === 2) return
    } else fast = 0
  }
}

// One job at a time, in the order asked: a page asked for during a refresh comes from the new build.
let queue = Promise.resolve()
let saves = 0
let running = 0
parentPort?.on('message', (/** @type {import('./background.ts').SiteJob} */ job) => {
  clearTimeout(idleCollection.timer)
  if (job.kind === 'refresh') saves++
  running++
  queue = queue
    .then(async () => {
      if (job.kind === 'refresh') saves--
      try {
        if (job.kind === 'rehearse') await rehearse()
        const {page, transfer} = sendPage(job.kind === 'refresh' ? (await site.refresh(), undefined) : job.kind === 'page' ? site.page(job.path) : undefined)
        parentPort?.postMessage({id: job.id, messages: site.messages().map(sendFile), page}, transfer)
      } catch (error) {
        parentPort?.postMessage({id: job.id, error: error instanceof Error ? error.message : String(error)})
      }
    })
    // Whatever one job threw, the next ones still run.
    .catch(() => {})
    .finally(() => {
      if (--running === 0 && collect) idleCollection.timer = setTimeout(() => collect({type: 'minor'}), idleCollection.delay).unref()
    })
})

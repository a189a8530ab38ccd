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
// then a new context, which gets the function. Undefined if this Node refuses, and then nothing is collected early.
setFlagsFromString('--expose-gc')
/** @type {((options?: {type: 'minor' | 'major'}) => void) | undefined} */
const collect = runInNewContext('typeof gc === "function" ? gc : undefined')

/**
 * A save allocates about 100 MB on this thread and keeps a fraction: collected during the next save, its
 * survivors were copied while the contributor waited (a fifth of the refresh at 1,000 papers). So once the
 * thread has had nothing to do for a moment, the young generation is collected then, and the next save
 * starts with it empty: in a young generation of 384 MB (background.ts) it runs without a collection.
 * Measured on the bench's 1,000-paper list in one process: refresh and home page, median 133–141 ms without,
 * 111–114 ms with.
 */
const idleCollection = {delay: 100, timer: /** @type {NodeJS.Timeout | undefined} */ (undefined)}

// One job at a time, in the order asked: a page asked for during a refresh comes from the new build.
// A rehearsal (server.ts) reads the README three times over; it stops early once a save is waiting.
let queue = Promise.resolve()
let saves = 0
let running = 0
parentPort?.on('message', (/** @type {import('./background.ts').SiteJob} */ job) => {
  clearTimeout(idleCollection.timer)
  if (job.kind === 'refresh') saves++
  running++
  queue = queue.then(async () => {
    if (job.kind === 'refresh') saves--
    try {
      if (job.kind === 'rehearse') for (let pass = 0; pass < 3 && saves === 0; pass++) await site.rehearse()
      const {page, transfer} = sendPage(job.kind === 'refresh' ? (await site.refresh(), undefined) : job.kind === 'page' ? site.page(job.path) : undefined)
      parentPort?.postMessage({id: job.id, messages: site.messages().map(sendFile), page}, transfer)
    } catch (error) {
      parentPort?.postMessage({id: job.id, error: error instanceof Error ? error.message : String(error)})
    }
    if (--running === 0 && collect) idleCollection.timer = setTimeout(() => collect({type: 'minor'}), idleCollection.delay).unref()
  })
})

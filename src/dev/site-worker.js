// The dev server's site thread (see background.ts): holds the dev site (state.ts), reads the README again
// when asked, and renders the pages asked for. Plain JavaScript: beside the compiled modules
// (lib/src/dev/, under `npm run dev`) it imports them as they are; beside the TypeScript sources (under
// vitest) it loads them through tsx's API.
import {existsSync} from 'node:fs'
import {parentPort, workerData} from 'node:worker_threads'

const compiled = existsSync(new URL('./state.js', import.meta.url))
const load = async (name) => (compiled ? import(`./${name}.js`) : (await import('tsx/esm/api')).tsImport(`./${name}.ts`, import.meta.url))
const [{createDevSite}, {sendFile, sendPage}] = await Promise.all([load('state'), load('background')])
const site = createDevSite(workerData)

// One job at a time, in the order asked: a page asked for during a refresh comes from the new build.
// A rehearsal waits for no one: when a request or a save is queued by the time it would start, it is dropped.
let queue = Promise.resolve()
let queued = 0
parentPort?.on('message', (/** @type {import('./background.ts').SiteJob} */ job) => {
  if (job.kind !== 'rehearse') queued++
  queue = queue.then(async () => {
    if (job.kind !== 'rehearse') queued--
    try {
      if (job.kind === 'rehearse' && queued === 0) await site.rehearse()
      const {page, transfer} = sendPage(job.kind === 'refresh' ? (await site.refresh(), undefined) : job.kind === 'page' ? site.page(job.path) : undefined)
      parentPort?.postMessage({id: job.id, messages: site.messages().map(sendFile), page}, transfer)
    } catch (error) {
      parentPort?.postMessage({id: job.id, error: error instanceof Error ? error.message : String(error)})
    }
  })
})

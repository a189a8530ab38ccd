// A writer thread: renders the pages it is sent from their templates and view data, writes them and the
// other files into one folder with plain synchronous calls, and answers each batch. The main thread
// meanwhile makes the next pages' data. Synchronous calls on a thread of their own cost a third of what
// the promise API costs the main thread per file (a FileHandle, three round trips through the thread pool).
// Plain JavaScript, so it starts without a TypeScript loader.
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {parentPort, workerData} from 'node:worker_threads'
import {newEta, pageUrl} from '../render/engine.js'

const root = /** @type {{root: string}} */ (workerData).root
/** Folders made so far (the root is there already). */
const made = new Set([''])
/** @type {Map<number, {render: (template: string, page: unknown, data: unknown) => string}>} */
const engines = new Map()

/** @param {string} path */
function makeFolder(path) {
  if (made.has(path)) return
  const slash = path.lastIndexOf('/')
  makeFolder(slash < 0 ? '' : path.slice(0, slash))
  mkdirSync(join(root, path))
  made.add(path)
}

/**
 * An engine as the main thread's renderer (src/render/index.ts) has it: the same configuration, and the
 * same `it` for every template: the site's shared values, the page's, `url`, and the view data.
 * @param {{id: number, views: string, base: string, site: unknown}} engine
 */
function addEngine({id, views, base, site}) {
  const eta = newEta({views, cache: true, debug: false})
  /** @param {string} page */
  const url = pageUrl(base)
  engines.set(id, {render: (template, page, data) => eta.render(template, {site, page, url, data})})
}

/** @typedef {{engine: number, template: string, page: unknown, data: unknown}} View */

/** @param {Array<[string, string | Uint8Array | View]>} batch */
function writeBatch(batch) {
  for (const [path, contents] of batch) {
    let bytes
    if (typeof contents === 'string' || contents instanceof Uint8Array) bytes = contents
    else {
      try {
        bytes = /** @type {NonNullable<ReturnType<typeof engines.get>>} */ (engines.get(contents.engine)).render(contents.template, contents.page, contents.data)
      } catch (error) {
        return {error: {message: error instanceof Error ? error.message : String(error), template: contents.template, engine: contents.engine}}
      }
    }
    const slash = path.lastIndexOf('/')
    if (slash > 0) makeFolder(path.slice(0, slash))
    writeFileSync(join(root, path), bytes)
  }
  return {}
}

parentPort?.on('message', (/** @type {{engine: {id: number, views: string, base: string, site: unknown}} | Array<[string, string | Uint8Array | View]>} */ message) => {
  if (!Array.isArray(message)) return addEngine(message.engine)
  try {
    parentPort?.postMessage(writeBatch(message))
  } catch (error) {
    const {message: reason, code} = /** @type {NodeJS.ErrnoException} */ (error)
    parentPort?.postMessage({error: {message: reason, code}})
  }
})

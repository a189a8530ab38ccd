import {Worker} from 'node:worker_threads'
import {contentsNow, type Contents, type SiteFiles} from './contents.ts'
import type {TemplatedPage} from '../render/index.ts'

/** Files sent to the writer at a time, and bytes: enough to amortize a message, small enough to keep both threads busy. */
const batchFiles = 32
const batchBytes = 1024 * 1024
/** Batches sent and not yet written: the pages waiting in memory when rendering outruns the disk. */
const maxPending = 8

/** A file as it crosses to the writer thread: its bytes, or a page for the thread to render with the engine numbered `engine`. */
type Item = [string, string | Uint8Array | {engine: number; template: string; page: unknown; data: unknown}]
/** An item, and for a page the way to render it here instead. */
interface Queued {
  item: Item
  render?: () => string
}
type Engines = Map<TemplatedPage['engine'], {id: number; page: TemplatedPage}>

/**
 * Writes `files` into the folder `root` (which exists) from a writer thread (write-worker.js). A page is
 * sent as its template and view data, which the thread renders; anything else as its bytes, made here
 * just before it is sent. Rejects with the first failure: a page that cannot be made (a template error)
 * or a file that cannot be written; nothing more is sent after it, and the thread is stopped before
 * this returns, so the caller may remove `root`.
 */
export async function writeOnThread(root: string, files: SiteFiles): Promise<void> {
  const worker = new Worker(new URL('./write-worker.js', import.meta.url), {workerData: {root}})
  const engines: Engines = new Map()
  let pending = 0
  let failure: {error: unknown} | undefined
  let wake: (() => void) | undefined
  worker.on('message', (answer: {error?: {message: string; code?: string; template?: string; engine?: number}}) => {
    pending--
    if (answer.error) failure ??= {error: threadError(answer.error, engines)}
    wake?.()
  })
  worker.on('error', (error) => {
    failure ??= {error}
    pending = 0
    wake?.()
  })
  const until = async (most: number) => {
    while (pending > most && !failure) await new Promise<void>((resolve) => (wake = resolve))
  }
  let batch: Queued[] = []
  let bytes = 0
  const send = () => {
    if (batch.length === 0) return
    postBatch(worker, batch)
    pending++
    batch = []
    bytes = 0
  }
  try {
    for (const [path, contents] of files) {
      if (failure) break
      // While the thread is behind, this one renders pages too, rather than wait: both cores stay busy.
      const queued = toItem(path, contents, worker, engines, pending >= maxPending / 2)
      batch.push(queued)
      const made = queued.item[1]
      bytes += typeof made === 'string' || made instanceof Uint8Array ? made.length : 4096
      if (batch.length >= batchFiles || bytes >= batchBytes) send()
      if (pending >= maxPending) await until(maxPending / 2)
    }
    send()
    await until(0)
  } catch (error) {
    failure ??= {error}
  } finally {
    await worker.terminate()
  }
  if (failure) throw failure.error
}

/** A file as it crosses: a page as its view (its engine sent to the thread the first time it is used), unless it is to be rendered here (the thread is behind, or the page is large); the rest as bytes. */
function toItem(path: string, contents: Contents, worker: Worker, engines: Engines, renderHere: boolean): Queued {
  if (renderHere || typeof contents !== 'object' || contents instanceof Uint8Array || contents.large) return {item: [path, contentsNow(contents)]}
  let engine = engines.get(contents.engine)
  if (!engine) {
    engine = {id: engines.size, page: contents}
    engines.set(contents.engine, engine)
    worker.postMessage({engine: {id: engine.id, ...contents.engine}})
  }
  return {item: [path, {engine: engine.id, ...contents.view()}], render: () => contents.render()}
}

/**
 * Posts a batch. View data that cannot be copied to another thread (a function, say) is no error: the
 * batch's pages are rendered here instead, and it is sent again.
 */
function postBatch(worker: Worker, batch: Queued[]): void {
  try {
    worker.postMessage(batch.map((queued) => queued.item))
  } catch (error) {
    if ((error as Error).name !== 'DataCloneError') throw error
    worker.postMessage(batch.map(({item, render}) => (render ? [item[0], render()] : item)))
  }
}

/** The thread's failure as an error of this thread: a template's, reported as the page reports it, or the disk's. */
function threadError(error: {message: string; code?: string; template?: string; engine?: number}, engines: Engines): Error {
  if (error.template !== undefined) {
    const page = [...engines.values()].find((engine) => engine.id === error.engine)?.page
    if (page) return page.failure(error.template, error.message)
  }
  return Object.assign(new Error(error.message), {code: error.code})
}

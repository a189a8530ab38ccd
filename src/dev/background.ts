import {Worker} from 'node:worker_threads'
import {VFile} from 'vfile'
import type {DevSiteOptions} from './state.ts'

/** A vfile's messages as they cross to another thread: its path and messages, as plain data (the server's thread never needs the README's text). */
export interface SentFile {
  path: string | undefined
  messages: Array<{reason: string; place: VFile['messages'][number]['place']; ruleId: string | undefined; source: string | undefined; fatal: boolean | null | undefined; note: string | undefined; cause: unknown}>
}

export function sendFile(file: VFile): SentFile {
  return {
    path: file.path,
    messages: file.messages.map((m) => ({reason: m.reason, place: m.place, ruleId: m.ruleId, source: m.source, fatal: m.fatal, note: m.note, cause: typeof m.cause === 'string' ? m.cause : undefined}))
  }
}

export function receiveFile(sent: SentFile): VFile {
  const file = new VFile({path: sent.path})
  for (const m of sent.messages) {
    const message = file.message(m.reason, {place: m.place, ruleId: m.ruleId, source: m.source})
    message.fatal = m.fatal
    if (m.note !== undefined) message.note = m.note
    if (m.cause !== undefined) message.cause = m.cause
  }
  return file
}

/**
 * The site thread's young generation: three 128 MB semi-spaces, as `--max-semi-space-size=128` gives a main
 * thread. A save's 100 MB fits, and the thread collects it once idle (site-worker.js), not during the next save.
 */
const youngGenerationMb = 384

/**
 * A page as the site thread answers it: its bytes, encoded there and moved (not copied) across. A home
 * page of 1,000 papers is 2 MB: sent as a string it cost about 17 ms to copy between the threads, and 7 ms
 * more to encode on the server's.
 */
export interface SitePage {
  body: Uint8Array
  type: string
}

/** A page from the dev site, as it crosses to the server's thread; `transfer` lists what is moved with it. */
export function sendPage(page: {body: string; type: string} | undefined): {page: SitePage | undefined; transfer: ArrayBuffer[]} {
  if (!page) return {page: undefined, transfer: []}
  // Buffer.from encodes 2 MB in about 4 ms here, TextEncoder in 14. A small page's bytes sit in Node's shared
  // pool, which must not be moved: they are copied instead.
  const body = Buffer.from(page.body)
  const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength
  return {page: {body, type: page.type}, transfer: own ? [body.buffer as ArrayBuffer] : []}
}

/** What the site thread is asked: to read the README again, or for a page. */
export type SiteJob = {id: number; kind: 'refresh' | 'rehearse'} | {id: number; kind: 'page'; path: string}
/** Its answer: the messages about the README (and a failed template), and the page when one was asked for. */
export type SiteAnswer = {id: number; messages: SentFile[]; page?: SitePage | undefined} | {id: number; error: string}

/**
 * The dev server's site lives on a worker thread (site-worker.js): the README is read, analysed,
 * completed and rendered there, and only the pages asked for come back, as text. The server's own
 * thread never holds the graph, so nothing as large as the graph is copied between threads on a save
 * (a structured clone of a 1,000-paper graph cost 20–200 ms on this machine), and it keeps answering
 * requests while a rebuild runs: a 400 KB README once held every request for 46 s. One worker, started
 * at once and kept, so that its caches (parsed pieces, the committed history) outlive each save.
 */
export class BackgroundSite {
  readonly #options: DevSiteOptions
  #worker: Worker | undefined
  #next = 0
  #messages: VFile[] = []
  readonly #waiting = new Map<number, {resolve: (answer: {messages: VFile[]; page?: SitePage | undefined}) => void; reject: (error: Error) => void}>()

  constructor(options: DevSiteOptions) {
    this.#options = options
  }

  /** Reads the README again; resolves with the messages about it once the new pages can be asked for. */
  async refresh(): Promise<VFile[]> {
    return (await this.#ask({kind: 'refresh'})).messages
  }

  /**
   * Rehearses a save on the site thread (state.ts: `rehearse`) until its code is warm (site-worker.js), or
   * fewer times when a save comes (it goes next) or 2.5 s have gone by. A page asked for meanwhile waits for it.
   */
  async rehearse(): Promise<void> {
    await this.#ask({kind: 'rehearse'})
  }

  /** The page at a site path, rendered from the last build. */
  async page(path: string): Promise<SitePage | undefined> {
    return (await this.#ask({kind: 'page', path})).page
  }

  /** Every message about the current README and the last page's template. */
  messages(): VFile[] {
    return this.#messages
  }

  async close(): Promise<void> {
    const worker = this.#worker
    this.#worker = undefined
    await worker?.terminate()
  }

  async #ask(job: {kind: 'refresh' | 'rehearse'} | {kind: 'page'; path: string}): Promise<{messages: VFile[]; page?: SitePage | undefined}> {
    const id = ++this.#next
    const answer = await new Promise<{messages: VFile[]; page?: SitePage | undefined}>((resolve, reject) => {
      this.#waiting.set(id, {resolve, reject})
      this.#thread().postMessage({id, ...job} satisfies SiteJob)
    })
    this.#messages = answer.messages
    return answer
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker
    // A save allocates far more than it keeps (copied trees, entries, the graph before it is frozen): with
    // a larger young generation more of it dies there, unpromoted. Measured on the bench's 1,000-paper
    // README (first build and 7 saves): the thread's GC time went from 747 to 548 ms at 192 MB.
    const resourceLimits = {maxYoungGenerationSizeMb: youngGenerationMb}
    const worker = new Worker(new URL('./site-worker.js', import.meta.url), {workerData: this.#options, resourceLimits})
    // The server's own lifetime decides; a worker waiting for work keeps nothing alive.
    worker.unref()
    worker.on('message', (answer: SiteAnswer) => {
      const waiting = this.#waiting.get(answer.id)
      this.#waiting.delete(answer.id)
      if (!waiting) return
      if ('error' in answer) waiting.reject(new Error(answer.error))
      else waiting.resolve({messages: answer.messages.map(receiveFile), page: answer.page})
    })
    // A worker that dies fails what it was given; the next job starts another.
    const fail = (error: Error) => {
      if (this.#worker === worker) this.#worker = undefined
      for (const {reject} of this.#waiting.values()) reject(error)
      this.#waiting.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`the site thread stopped (exit code ${code})`)))
    this.#worker = worker
    return worker
  }
}

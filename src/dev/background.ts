import {Worker} from 'node:worker_threads'
import {VFile} from 'vfile'
import type {DevAnalysis} from './state.ts'

/** A vfile as it crosses to another thread: its path, text and messages, as plain data. */
export interface SentFile {
  path: string | undefined
  value: string
  messages: Array<{reason: string; place: VFile['messages'][number]['place']; ruleId: string | undefined; source: string | undefined; fatal: boolean | null | undefined; note: string | undefined; cause: unknown}>
}

export function sendFile(file: VFile): SentFile {
  return {
    path: file.path,
    value: String(file.value ?? ''),
    messages: file.messages.map((m) => ({reason: m.reason, place: m.place, ruleId: m.ruleId, source: m.source, fatal: m.fatal, note: m.note, cause: typeof m.cause === 'string' ? m.cause : undefined}))
  }
}

export function receiveFile(sent: SentFile): VFile {
  const file = new VFile({path: sent.path, value: sent.value})
  for (const m of sent.messages) {
    const message = file.message(m.reason, {place: m.place, ruleId: m.ruleId, source: m.source})
    message.fatal = m.fatal
    if (m.note !== undefined) message.note = m.note
    if (m.cause !== undefined) message.cause = m.cause
  }
  return file
}

type Answer = {id: number; file: SentFile; graph: DevAnalysis['graph']; completion: DevAnalysis['completion']; meta?: SentFile | undefined} | {id: number; error: string}

/**
 * The dev server reads the README on a worker thread (analysis-worker.js), so that it keeps answering
 * requests, with the last good pages, while a rebuild runs: a 400 KB README once held every request
 * for 46 s. One worker, started at once and kept (it loads the project's modules once); analyses run
 * one at a time. The graph comes back by structured clone, which keeps its shared objects shared.
 */
export class BackgroundAnalysis {
  #worker: Worker | undefined
  #next = 0
  readonly #waiting = new Map<number, {resolve: (analysis: DevAnalysis) => void; reject: (error: Error) => void}>()

  run(input: string): Promise<DevAnalysis> {
    const id = ++this.#next
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, {resolve, reject})
      this.#thread().postMessage({id, input})
    })
  }

  async close(): Promise<void> {
    const worker = this.#worker
    this.#worker = undefined
    await worker?.terminate()
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker
    const worker = new Worker(new URL('./analysis-worker.js', import.meta.url))
    // The server's own lifetime decides; a worker waiting for work keeps nothing alive.
    worker.unref()
    worker.on('message', (answer: Answer) => {
      const waiting = this.#waiting.get(answer.id)
      this.#waiting.delete(answer.id)
      if (!waiting) return
      if ('error' in answer) waiting.reject(new Error(answer.error))
      else waiting.resolve({file: receiveFile(answer.file), graph: answer.graph, completion: answer.completion, meta: answer.meta && receiveFile(answer.meta)})
    })
    // A worker that dies fails what it was given; the next analysis starts another.
    const fail = (error: Error) => {
      if (this.#worker === worker) this.#worker = undefined
      for (const {reject} of this.#waiting.values()) reject(error)
      this.#waiting.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`the analysis thread stopped (exit code ${code})`)))
    this.#worker = worker
    return worker
  }
}

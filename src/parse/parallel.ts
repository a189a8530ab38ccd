import {Worker} from 'node:worker_threads'
import {availableParallelism} from 'node:os'
import type {Root} from 'mdast'
import {processor} from './remark.js'

/** Below this much text a worker's start-up costs more than it saves. */
const minParallelBytes = 256 * 1024
/** Pieces claimed at a time: enough to amortize a message, few enough to balance two threads. */
const batch = 8

let worker: Worker | undefined
let jobs = 0

/**
 * Parses texts on this thread and, when there is enough text and a second core, on one worker
 * thread too. Both threads claim batches from one shared counter, so a slow or late-starting
 * worker only takes less of the work. The worker stays for the next call but never keeps the
 * process alive.
 */
export async function parseTexts(texts: string[]): Promise<Root[]> {
  const bytes = texts.reduce((sum, text) => sum + text.length, 0)
  if (bytes < minParallelBytes || availableParallelism() < 2) return texts.map((text) => processor.parse(text))

  const trees: Root[] = new Array(texts.length)
  const counter = new Int32Array(new SharedArrayBuffer(4))
  const thread = (worker ??= new Worker(new URL('./worker.js', import.meta.url)))
  const job = ++jobs
  thread.ref()
  const done = new Promise<void>((resolve) => {
    const onMessage = (message: {job: number; first?: number; trees?: Root[]; done?: boolean}) => {
      if (message.job !== job) return
      if (message.trees) for (let i = 0; i < message.trees.length; i++) trees[message.first! + i] = message.trees[i]!
      if (message.done) finish()
    }
    // A worker that dies leaves holes, which this thread fills below.
    const onError = () => {
      worker = undefined
      finish()
    }
    const finish = () => {
      thread.off('message', onMessage)
      thread.off('error', onError)
      thread.unref()
      resolve()
    }
    thread.on('message', onMessage)
    thread.on('error', onError)
  })
  thread.postMessage({texts, counter: counter.buffer, batch, job})
  for (;;) {
    const first = Atomics.add(counter, 0, batch)
    if (first >= texts.length) break
    for (let index = first; index < Math.min(first + batch, texts.length); index++) trees[index] = processor.parse(texts[index]!)
  }
  await done
  for (let index = 0; index < texts.length; index++) trees[index] ??= processor.parse(texts[index]!)
  return trees
}

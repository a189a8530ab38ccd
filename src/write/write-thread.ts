import {Worker} from 'node:worker_threads'
import type {SiteFiles} from './output.ts'

/** Files sent to the writer at a time, and bytes: enough to amortize a message, small enough to keep both threads busy. */
const batchFiles = 32
const batchBytes = 1024 * 1024
/** Batches sent and not yet written: the pages waiting in memory when rendering outruns the disk. */
const maxPending = 8

/**
 * Writes `files` into the folder `root` (which exists) from a writer thread (write-worker.js), making
 * each page here just before it is sent. Rejects with the first failure: a page that cannot be made (a
 * template error) or a file that cannot be written; nothing more is sent after it, and the thread is
 * stopped before this returns, so the caller may remove `root`.
 */
export async function writeOnThread(root: string, files: SiteFiles): Promise<void> {
  const worker = new Worker(new URL('./write-worker.js', import.meta.url), {workerData: {root}})
  let pending = 0
  let failure: {error: unknown} | undefined
  let wake: (() => void) | undefined
  const settle = () => {
    wake?.()
    wake = undefined
  }
  worker.on('message', (answer: {error?: {message: string; code?: string}}) => {
    pending--
    if (answer.error) failure ??= {error: Object.assign(new Error(answer.error.message), {code: answer.error.code})}
    settle()
  })
  worker.on('error', (error) => {
    failure ??= {error}
    pending = 0
    settle()
  })
  const until = async (most: number) => {
    while (pending > most && !failure) await new Promise<void>((resolve) => (wake = resolve))
  }
  let batch: Array<[string, string | Uint8Array]> = []
  let bytes = 0
  const send = () => {
    if (batch.length === 0) return
    worker.postMessage(batch)
    pending++
    batch = []
    bytes = 0
  }
  try {
    for (const [path, contents] of files) {
      if (failure) break
      const made = typeof contents === 'function' ? contents() : contents
      batch.push([path, made])
      bytes += made.length
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

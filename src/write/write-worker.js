// A writer thread: writes the batches of files it is sent into one folder, with plain synchronous calls,
// and answers each batch. Synchronous calls on a thread of their own cost a third of what the promise API
// costs the main thread per file (a FileHandle, three round trips through the thread pool), and the main
// thread renders the next pages meanwhile. Plain JavaScript, so it starts without a TypeScript loader.
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {parentPort, workerData} from 'node:worker_threads'

const root = /** @type {{root: string}} */ (workerData).root
/** Folders made so far (the root is there already). */
const made = new Set([''])

/** @param {string} path */
function makeFolder(path) {
  if (made.has(path)) return
  const slash = path.lastIndexOf('/')
  makeFolder(slash < 0 ? '' : path.slice(0, slash))
  mkdirSync(join(root, path))
  made.add(path)
}

parentPort?.on('message', (/** @type {Array<[string, string | Uint8Array]>} */ batch) => {
  try {
    for (const [path, contents] of batch) {
      const slash = path.lastIndexOf('/')
      if (slash > 0) makeFolder(path.slice(0, slash))
      writeFileSync(join(root, path), contents)
    }
    parentPort?.postMessage({})
  } catch (error) {
    const {message, code} = /** @type {NodeJS.ErrnoException} */ (error)
    parentPort?.postMessage({error: {message, code}})
  }
})

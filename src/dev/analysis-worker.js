// The dev server's analysis thread (see background.ts): reads and analyzes the README when asked, and
// sends back its messages and graph. Plain JavaScript that loads the TypeScript modules through tsx's API,
// so that it runs the same under `npm run dev` and under vitest.
import {parentPort} from 'node:worker_threads'
import {tsImport} from 'tsx/esm/api'

const [{analyzeReadme}, {sendFile}] = await Promise.all([tsImport('./state.ts', import.meta.url), tsImport('./background.ts', import.meta.url)])

parentPort?.on('message', (/** @type {{id: number, input: string}} */ job) => {
  try {
    const {file, graph} = analyzeReadme(job.input)
    parentPort?.postMessage({id: job.id, file: sendFile(file), graph})
  } catch (error) {
    parentPort?.postMessage({id: job.id, error: error instanceof Error ? error.message : String(error)})
  }
})

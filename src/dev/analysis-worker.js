// The dev server's analysis thread (see background.ts): reads and analyzes the README when asked, and
// sends back its messages, graph and completion. Plain JavaScript: beside the compiled modules
// (lib/src/dev/, under `npm run dev`) it imports them as they are; beside the TypeScript sources (under
// vitest) it loads them through tsx's API.
import {existsSync} from 'node:fs'
import {parentPort} from 'node:worker_threads'

const compiled = existsSync(new URL('./state.js', import.meta.url))
const load = async (name) => (compiled ? import(`./${name}.js`) : (await import('tsx/esm/api')).tsImport(`./${name}.ts`, import.meta.url))
const [{analyzeReadme}, {sendFile}] = await Promise.all([load('state'), load('background')])

parentPort?.on('message', async (/** @type {{id: number, input: string}} */ job) => {
  try {
    const {file, graph, completion, meta} = await analyzeReadme(job.input)
    parentPort?.postMessage({id: job.id, file: sendFile(file), graph, completion, meta: meta && sendFile(meta)})
  } catch (error) {
    parentPort?.postMessage({id: job.id, error: error instanceof Error ? error.message : String(error)})
  }
})

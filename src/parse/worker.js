// A parse worker: claims pieces from a shared counter, parses them with the project's processor,
// and posts the trees back. Plain JavaScript, so it starts without a TypeScript loader.
import {parentPort} from 'node:worker_threads'
import {processor} from './remark.js'

parentPort?.on('message', (/** @type {{texts: string[], counter: SharedArrayBuffer, batch: number, job: number}} */ job) => {
  const counter = new Int32Array(job.counter)
  for (;;) {
    const first = Atomics.add(counter, 0, job.batch)
    if (first >= job.texts.length) break
    const last = Math.min(first + job.batch, job.texts.length)
    const trees = []
    for (let index = first; index < last; index++) trees.push(processor.parse(job.texts[index]))
    parentPort?.postMessage({job: job.job, first, trees})
  }
  parentPort?.postMessage({job: job.job, done: true})
})

import {copyFileSync} from 'node:fs'
import {startDevServer} from '../../src/dev/server.ts'

/**
 * `dev-request.ts README SLOW`: the dev server on README, then SLOW saved over it, and one request made as soon
 * as the server says it is rebuilding. Prints how long that request took, what it got, and how long the
 * rebuild took, as one JSON line (for `npm run slow-inputs`).
 */
const [readme, slow] = process.argv.slice(2)
if (!readme || !slow) throw new Error('usage: dev-request.ts README SLOW')
const logs: string[] = []
let rebuilding: () => void = () => {}
let rebuilt: () => void = () => {}
const started = new Promise<void>((resolve) => (rebuilding = resolve))
const done = new Promise<void>((resolve) => (rebuilt = resolve))
const server = await startDevServer({
  input: readme,
  port: 0,
  log: (text) => {
    logs.push(text)
    if (text.startsWith('Rebuilding')) rebuilding()
    else if (logs.some((line) => line.startsWith('Rebuilding'))) rebuilt()
  }
})
const url = server.resolvedUrls?.local[0] ?? ''
await fetch(url)
const saved = performance.now()
copyFileSync(slow, readme)
await started
const asked = performance.now()
const body = await (await fetch(url)).text()
const answered = performance.now()
await done
const finished = performance.now()
await server.close()
console.log(JSON.stringify({requestMs: answered - asked, lastBuild: body.includes('Rebuilding after your edit'), rebuildMs: finished - saved}))

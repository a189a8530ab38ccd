import {startDevServer} from '../src/dev/server.ts'
import {main, readFlags} from './cli.ts'
import {parseArgs} from 'node:util'

/** `npm run dev`: a live preview of content/README.md. Problems show in the terminal and above the page. */
await main(async () => {
  const args = process.argv.slice(2)
  const port = parseArgs({args, allowPositionals: true, strict: false, options: {port: {type: 'string'}}}).values.port
  const flags = readFlags(args.filter((arg, i) => arg !== '--port' && args[i - 1] !== '--port' && !arg.startsWith('--port=')))
  const server = await startDevServer({input: flags.input, port: typeof port === 'string' ? Number(port) : 5173, log: (text) => console.log(text)})
  const address = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/'
  console.log(`Previewing ${flags.input} at ${address} — save the README, a template or the CSS and the page updates.`)
  await new Promise(() => {})
  return 0
})

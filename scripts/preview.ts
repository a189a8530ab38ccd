import {parseArgs} from 'node:util'
import {normalizeBase} from '../src/render/paths.ts'
import {builtBase, serveSite} from './preview-server.ts'
import {main} from './cli.ts'

/**
 * `npm run preview [-- --out dist --base /Awesome-LLM-Pruning/ --port 4173]`: serves a built site as
 * GitHub Pages would, under the base it was built for (read from the site unless given) and with
 * its 404.html for any unknown path.
 */
await main(async () => {
  const {values} = parseArgs({
    args: process.argv.slice(2),
    options: {out: {type: 'string', default: 'dist'}, base: {type: 'string'}, port: {type: 'string', default: '4173'}, host: {type: 'string', default: 'localhost'}}
  })
  const base = values.base !== undefined ? normalizeBase(values.base) : await builtBase(values.out)
  if (base === undefined) throw new Error(`${values.out}/index.html is missing: run \`npm run build\` first`)
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port takes a port number, not "${values.port}"`)
  const server = await serveSite(values.out, {base, port, host: values.host})
  console.log(`Serving ${values.out}/ at ${server.url} (unknown paths get ${values.out}/404.html). Ctrl+C stops.`)
  await new Promise(() => {})
  return 0
})

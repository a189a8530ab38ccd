import {parseArgs} from 'node:util'
import {analyze, read} from '../src/analyze.ts'
import {metaPathFor, readMetaCache, writeMetaCache} from '../src/meta/cache.ts'
import {defaultEnrichOptions, enrich} from '../src/meta/enrich.ts'
import {printable} from '../src/report/terminal.ts'
import {main} from './cli.ts'

/**
 * npm run enrich [-- --input content/README.md] [--refresh [ID…]]
 * Fetches authors, abstract and dates from the arXiv API for every paper with an arXiv id that
 * content/papers.meta.json lacks, and writes the cache. Exit 1 when some ids could not be had.
 */
await main(async () => {
  const {values, positionals} = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      input: {type: 'string', default: 'content/README.md'},
      cache: {type: 'string'},
      api: {type: 'string', default: defaultEnrichOptions.api},
      'batch-size': {type: 'string', default: String(defaultEnrichOptions.batchSize)},
      delay: {type: 'string', default: String(defaultEnrichOptions.delayMs)},
      timeout: {type: 'string', default: String(defaultEnrichOptions.timeoutMs)},
      retries: {type: 'string', default: String(defaultEnrichOptions.retries)},
      refresh: {type: 'boolean', default: false}
    }
  })
  const number = (name: string, value: string, min: number) => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes a whole number of at least ${min}, not "${value}"`)
    return n
  }
  const options = {
    api: values.api,
    batchSize: number('batch-size', values['batch-size'], 1),
    delayMs: number('delay', values.delay, 0),
    timeoutMs: number('timeout', values.timeout, 1),
    retries: number('retries', values.retries, 0),
    log: (line: string) => console.log(printable(line))
  }
  const cachePath = values.cache ?? metaPathFor(values.input)
  const file = await read(values.input)
  const graph = analyze(file)?.graph
  if (!graph) throw new Error(`${file.path} cannot be parsed: run \`npm run check\` first`)
  const ids = graph.papers.flatMap((paper) => (paper.arxiv ? [paper.arxiv] : []))
  // An entry the cache cannot hold as it is (and a file that cannot be read at all) is fetched again.
  const {cache: old, file: cacheFile} = readMetaCache(cachePath)
  for (const message of cacheFile.messages) console.log(`${cacheFile.path}: ${message.reason}`)
  if (cacheFile.messages.some((message) => message.fatal)) console.log('The entries with errors are fetched again.')
  const refresh = values.refresh ? (positionals.length > 0 ? new Set(positionals) : 'all' as const) : new Set<string>()

  const result = await enrich(ids, old, refresh, options)
  await writeMetaCache(cachePath, result.cache)
  for (const {id, reason} of result.failed) console.error(printable(`${id}: ${reason}`))
  const parts = [`fetched ${result.fetched.length}`, `${result.failed.length} failed`]
  if (result.dropped.length > 0) parts.push(`dropped ${result.dropped.length} no longer in the list (${result.dropped.join(', ')})`)
  console.log(`${cachePath}: ${result.cache.size} of ${new Set(ids).size} arXiv papers cached; ${parts.join(', ')}.`)
  return result.failed.length > 0 ? 1 : 0
})

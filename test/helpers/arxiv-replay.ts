import {createServer, type Server} from 'node:http'
import {readFileSync, readdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const fixtures = fileURLToPath(new URL('../fixtures/arxiv/', import.meta.url))

/** What the server does for one request: answer with a recorded file, fail, or never answer. */
export type Behaviour = 'ok' | 503 | 429 | 400 | 'timeout' | 'malformed'

export interface ReplayServer {
  /** The API endpoint to pass to enrich. */
  api: string
  /** Every request, in order: the ids asked for, when, and what the server did. */
  requests: Array<{ids: string; at: number; behaviour: Behaviour}>
  close(): Promise<void>
}

/**
 * A stand-in for export.arxiv.org on 127.0.0.1 that replays the recorded answers in test/fixtures/arxiv.
 * `script` says, per `id_list`, what to do on the first, second, … request for it; after the script
 * runs out it answers normally. A 'timeout' holds the request open until the server closes.
 */
export async function replayArxiv(script: Record<string, Behaviour[]> = {}): Promise<ReplayServer> {
  const requests: ReplayServer['requests'] = []
  const seen = new Map<string, number>()
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x')
    const ids = url.searchParams.get('id_list') ?? ''
    const n = seen.get(ids) ?? 0
    seen.set(ids, n + 1)
    const behaviour = script[ids]?.[n] ?? 'ok'
    requests.push({ids, at: Date.now(), behaviour})
    if (url.pathname !== '/api/query') return send(404, 'text/plain', 'not found')
    if (behaviour === 'timeout') return
    if (typeof behaviour === 'number') return send(behaviour, 'text/plain', behaviour === 400 ? 'Bad Request: malformed id' : 'Service Unavailable', behaviour === 429 ? {'retry-after': '0'} : {})
    let body: string | undefined
    try {
      body = readFileSync(`${fixtures}${behaviour === 'malformed' ? 'malformed' : ids.replace(/,/g, '_')}.xml`, 'utf8')
    } catch {
      body = composed(ids.split(','))
    }
    if (body === undefined) return send(500, 'text/plain', `no recorded answer for ${ids}`)
    send(200, 'application/atom+xml; charset=utf-8', body)

    function send(status: number, type: string, text: string, headers: Record<string, string> = {}) {
      response.writeHead(status, {'content-type': type, ...headers})
      response.end(text)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    api: `http://127.0.0.1:${port}/api/query`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/**
 * An answer for ids asked for together in another grouping than the recordings (a batch of 50, as
 * production asks): the recorded entries of those ids, in the order asked, in a recorded feed's frame.
 * Undefined when one of them was never recorded.
 */
function composed(ids: string[]): string | undefined {
  const entries = new Map<string, string>()
  let frame = ''
  for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.xml') && file !== 'malformed.xml')) {
    const text = readFileSync(fixtures + name, 'utf8')
    frame ||= text.slice(0, text.indexOf('<entry>'))
    for (const entry of text.match(/<entry>[^]*?<\/entry>/g) ?? []) {
      const id = /<id>http:\/\/arxiv\.org\/abs\/([^<]+?)(v\d+)?<\/id>/.exec(entry)?.[1]
      if (id) entries.set(id, entry)
    }
  }
  if (!ids.every((id) => entries.has(id))) return undefined
  return `${frame}${ids.map((id) => entries.get(id)).join('\n  ')}\n</feed>\n`
}


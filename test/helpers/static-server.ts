import {createServer, type Server} from 'node:http'
import {readFile, stat} from 'node:fs/promises'
import {extname, join, normalize} from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8'
}

export interface StaticServer {
  url: string
  close(): Promise<void>
}

/** Serves a built site from `root` under `base` on a free loopback port, as GitHub Pages would. */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    if (!path.startsWith(base)) return notFound()
    let file = normalize(join(root, path.slice(base.length)))
    if (!file.startsWith(normalize(root))) return notFound()
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
      const body = await readFile(file)
      response.writeHead(200, {'content-type': types[extname(file)] ?? 'application/octet-stream'})
      response.end(body)
    } catch {
      notFound()
    }
    function notFound() {
      response.writeHead(404, {'content-type': 'text/plain'})
      response.end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

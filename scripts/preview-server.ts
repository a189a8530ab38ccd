import {createServer, type Server} from 'node:http'
import {readFile, stat} from 'node:fs/promises'
import {extname, join, normalize, sep} from 'node:path'

/**
 * A static server that answers as GitHub Pages does, for `npm run preview` and the browser tests:
 * the site lives under its base, a folder is its index.html, a folder asked for without its slash is
 * redirected to it, and an unknown path gets the site's 404.html with status 404.
 */
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8'
}

export interface StaticServer {
  /** The site's address: origin and base. */
  url: string
  close(): Promise<void>
}

export interface ServeOptions {
  /** The path the site is served under, `/` or `/Awesome-LLM-Pruning/`. */
  base?: string
  port?: number
  host?: string
}

export async function serveSite(root: string, {base = '/', port = 0, host = '127.0.0.1'}: ServeOptions = {}): Promise<StaticServer> {
  const top = normalize(root + sep)
  const server: Server = createServer(async (request, response) => {
    // Read as a path on a fixed origin: as a URL relative to one, `//?q=x` would name a host, and throw.
    const url = new URL(`http://x${request.url ?? '/'}`)
    let path: string
    try {
      path = decodeURIComponent(url.pathname)
    } catch {
      return notFound()
    }
    // A project site's base without its slash, or the host's root, leads to the site.
    if (path === base.slice(0, -1) || (path === '/' && base !== '/')) return redirect(base)
    if (!path.startsWith(base)) return notFound()
    const file = normalize(join(top, path.slice(base.length)))
    if (!file.startsWith(top)) return notFound()
    const found = await stat(file).catch(() => undefined)
    if (found?.isDirectory()) {
      if (!path.endsWith('/')) return redirect(`${url.pathname}/${url.search}`)
      return send(join(file, 'index.html'), 200).catch(notFound)
    }
    if (found?.isFile()) return send(file, 200).catch(notFound)
    return notFound()

    async function send(name: string, status: number) {
      const body = await readFile(name)
      response.writeHead(status, {'content-type': types[extname(name)] ?? 'application/octet-stream'})
      response.end(request.method === 'HEAD' ? undefined : body)
    }
    function redirect(location: string) {
      response.writeHead(301, {location})
      response.end()
    }
    async function notFound() {
      await send(join(top, '404.html'), 404).catch(() => {
        response.writeHead(404, {'content-type': 'text/plain; charset=utf-8'})
        response.end('not found')
      })
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  const address = server.address()
  const bound = typeof address === 'object' && address ? address.port : port
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}${base}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** The base a built site was made for, read from its home page's stylesheet link: `/` or `/Awesome-LLM-Pruning/`. */
export async function builtBase(root: string): Promise<string | undefined> {
  const home = await readFile(join(root, 'index.html'), 'utf8').catch(() => '')
  return /<link rel="stylesheet" href="([^"]*\/)assets\//.exec(home)?.[1]
}

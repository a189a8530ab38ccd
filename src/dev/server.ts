import {createServer, type Plugin, type ViteDevServer} from 'vite'
import {resolve} from 'node:path'
import type {ServerResponse} from 'node:http'
import {createDevSite, type DevSite, type DevSiteOptions} from './state.ts'
import {banner} from './banner.ts'
import {BackgroundAnalysis} from './background.ts'
import {templatesDir} from '../render/eta.ts'
import {formatMessages} from '../report/terminal.ts'
import {projectRoot as root} from '../project-root.ts'

export interface DevServerOptions extends DevSiteOptions {
  port?: number
  /** Print diagnostics to the terminal after every rebuild. */
  log?: (text: string) => void
}

/**
 * The vite plugin behind `npm run dev`. It serves the pages from memory, rendered on request from
 * the latest README, with the browser script and stylesheet served by vite from source. Saving the
 * README or a template rebuilds and reloads the open page; CSS updates through vite's own HMR.
 */
export function readmeSite(options: DevServerOptions): Plugin {
  const input = resolve(options.input)
  const templates = resolve(options.templates ?? templatesDir)
  const site = createDevSite({input, templates, ...(options.stylesheet ? {stylesheet: options.stylesheet} : {})})
  const report = () => options.log?.(formatMessages(site.messages()) || `${options.input}: no problems`)

  return {
    name: 'awesome-readme-site',
    async configureServer(server: ViteDevServer) {
      // The thread that reads the README on each save also makes the first build, so that what it keeps
      // between saves (parsed pieces, the committed history) is there by the first save.
      const background = new BackgroundAnalysis()
      server.httpServer?.on('close', () => void background.close())
      await analyzeOn(background, site, options.log)
      report()
      server.watcher.add([input, templates])
      // Editors save in several writes (truncate, write, rename): one rebuild and one reload per burst.
      let timer: NodeJS.Timeout | undefined
      // What each path served since the last refresh: a reload, or a second tab, costs nothing.
      let served = new Map<string, Served>()
      // A rebuild runs off the request path: until it is done, requests get the last good pages, with a
      // note that a rebuild runs. A save during a rebuild asks for one more, once this one is done.
      let rebuilding = false
      let again = false
      const rebuild = async () => {
        if (rebuilding) {
          again = true
          return
        }
        rebuilding = true
        served = new Map()
        options.log?.(`Rebuilding ${options.input}…`)
        try {
          do {
            again = false
            await analyzeOn(background, site, options.log)
          } while (again)
        } finally {
          rebuilding = false
        }
        served = new Map()
        report()
        server.ws.send({type: 'full-reload', path: '*'})
      }
      const onChange = (path: string) => {
        if (resolve(path) !== input && !resolve(path).startsWith(templates)) return
        clearTimeout(timer)
        timer = setTimeout(() => void rebuild(), 25)
      }
      server.watcher.on('change', onChange)
      server.watcher.on('add', onChange)
      server.watcher.on('unlink', onChange)

      server.middlewares.use(async (request, response, next) => {
        if (request.method !== 'GET' && request.method !== 'HEAD') return next()
        const path = decodedPath(request.url)
        // A malformed escape (`/%`, `/50%-sparsity/`) names no page: a 400, and the server keeps serving.
        if (path === undefined) {
          response.statusCode = 400
          return response.end('Bad request: the address has a malformed %-escape.')
        }
        const done = served.get(path)
        if (done) return send(response, done)
        const before = site.messages().at(-1)
        let page = site.page(path)
        // A page the last edit removed (a renamed paper) gets the 404 page with the problems, and it keeps
        // reloading with each save: vite's bare "Cannot GET" would not.
        const missing = !page && (path.endsWith('/') || path.endsWith('.html'))
        if (missing) page = site.page('/404.html')
        if (!page) return next()
        // A template that failed while rendering this page: say so in the terminal too, now.
        const after = site.messages()
        if (after.length > 1 && after.at(-1) !== before) report()
        let body = page.body
        if (page.type.startsWith('text/html')) {
          // The page already carries the dev server's own policy (state.ts): only vite's client and the banner are added here.
          body = body
            .replace('</head>', '<link rel="stylesheet" href="/src/dev/banner.css">\n</head>')
            // vite's client (reloads, CSS updates), as transformIndexHtml would add it: that parses the whole
            // page, about a second for the home page of a 1,000-paper list, and this is all it adds here.
            .replace(/<head[^>]*>/, (tag) => `${tag}\n<script type="module" src="/@vite/client"></script>`)
            .replace(/<body[^>]*>/, (tag) => `${tag}\n${banner(site.messages(), {rebuilding})}`)
        }
        const result = {body, type: page.type, status: missing ? 404 : 200}
        // While a rebuild runs, each request is answered afresh, so that the note goes once it is done.
        if (!rebuilding) served.set(path, result)
        send(response, result)
      })
    }
  }
}

/** The README analysed on its thread and applied; without the thread (it failed to start, or died), here, blocking, as it used to. */
async function analyzeOn(background: BackgroundAnalysis, site: DevSite, log: ((text: string) => void) | undefined): Promise<void> {
  try {
    site.apply(await background.run(site.input))
  } catch (error) {
    log?.(`The rebuild thread failed (${(error as Error).message}); rebuilding on the server's own thread.`)
    await site.refresh()
  }
}

interface Served {
  body: string
  type: string
  status: number
}

function decodedPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://x').pathname)
  } catch {
    return undefined
  }
}

function send(response: ServerResponse, {body, type, status}: Served): void {
  response.statusCode = status
  response.setHeader('content-type', type)
  response.setHeader('cache-control', 'no-store')
  response.end(body)
}

export async function startDevServer(options: DevServerOptions): Promise<ViteDevServer> {
  const server = await createServer({
    configFile: false,
    root,
    base: '/',
    logLevel: 'warn',
    clearScreen: false,
    publicDir: resolve(root, 'public'),
    appType: 'custom',
    server: {port: options.port ?? 5173, strictPort: options.port !== undefined && options.port !== 0, host: '127.0.0.1'},
    plugins: [readmeSite(options)]
  })
  await server.listen()
  return server
}

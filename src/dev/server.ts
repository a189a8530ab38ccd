import {createServer, type Plugin, type ViteDevServer} from 'vite'
import {statSync} from 'node:fs'
import {resolve} from 'node:path'
import type {IncomingMessage, ServerResponse} from 'node:http'
import type {VFile} from 'vfile'
import {createDevSite, type DevSite, type DevSiteOptions} from './state.ts'
import {banner} from './banner.ts'
import {BackgroundSite, sendPage, type SitePage} from './background.ts'
import {templatesDir} from '../render/eta.ts'
import {formatMessages} from '../report/terminal.ts'
import {projectRoot as root} from '../util/project-root.ts'

export interface DevServerOptions extends DevSiteOptions {
  port?: number
  /** Print diagnostics to the terminal after every rebuild. */
  log?: (text: string) => void
}

/** The site as the server asks it: on its own thread (background.ts), or on the server's when that thread fails. */
interface Site {
  refresh(): Promise<VFile[]>
  rehearse(): Promise<void>
  page(path: string): Promise<SitePage | undefined>
  messages(): VFile[]
}

/**
 * The vite plugin behind `npm run dev`. It serves the pages from memory, rendered on request from
 * the latest README, with the browser script and stylesheet served by vite from source. Saving the
 * README or a template rebuilds and reloads the open page; CSS updates through vite's own HMR.
 */
export function readmeSite(options: DevServerOptions): Plugin {
  const input = resolve(options.input)
  const templates = resolve(options.templates ?? templatesDir)
  const siteOptions: DevSiteOptions = {input, templates, ...(options.stylesheet ? {stylesheet: options.stylesheet} : {})}
  const site = siteWithFallback(siteOptions, options.log)
  let reported: string | undefined
  const report = () => options.log?.((reported = formatMessages(site.messages()) || `${options.input}: no problems`))
  return {
    name: 'awesome-readme-site',
    async configureServer(server: ViteDevServer) {
      server.httpServer?.on('close', () => void site.close())
      // The first build runs on the site's thread too, so that what it keeps between saves is there by the first save.
      await site.refresh()
      report()
      // Then, before the first page is served, the site thread rehearses a save until its code is compiled
      // for the work a save does (at most 2.5 s; about 1.4 s on the bench's 1,000-paper list), so that the first
      // saves take as long as the ones after them (with three passes the first two took 1.5 to 2 times as long).
      // The first page waits for it; a save waits for one pass at most (site-worker.js).
      void site.rehearse()
      server.watcher.add([input, templates])
      // Stylesheet edits reach open pages through vite's CSS updates, which a page whose socket is not open yet misses.
      let styles = 0
      server.watcher.on('change', (path) => void (path.endsWith('.css') && styles++))
      const pages = servePages(site, () => {
        // A template that failed while rendering a page: say so in the terminal too, now.
        if (formatMessages(site.messages()) !== reported) report()
      }, () => styles)
      // Each changed file as it was when the last reading of the site began: its stamp (see `settle` below).
      const read = new Map<string, string>()
      const rebuild = rebuilder(site, pages, () => {
        report()
        server.ws.send({type: 'full-reload', path: '*'})
      }, options, () => {
        for (const path of read.keys()) read.set(path, fileStamp(path))
      })
      // A page that was loading while that reload (or a CSS update) went out missed it: it names its version
      // once its socket is open (live.ts), and is reloaded when it is not the latest.
      server.ws.on('readme-site:build', (data: {build?: unknown}, client) => {
        if (data?.build !== pages.version()) client.send({type: 'full-reload', path: '*'})
      })
      // Editors save in several writes (truncate, write, rename), their events a few milliseconds apart: one
      // rebuild and one reload per burst. A burst that outlasts the wait costs one more rebuild, not a wrong page
      // (the rebuilder runs again before it reloads); a longer wait would be on every save's path.
      let timer: NodeJS.Timeout | undefined
      // vite's watcher (chokidar) reports a file's change at most once in 50 ms, and drops the changes after the first
      // in that time rather than reporting them at its end: a second write within it (an editor that saves, then
      // formats; a checkout) left the page on the first one, for good. So once that time is over, the changed files
      // are looked at again, and read again if one differs from what the last reading began with.
      let settle: NodeJS.Timeout | undefined
      // A save in the last moments before the server closes starts no reading after it.
      server.httpServer?.on('close', () => {
        clearTimeout(timer)
        clearTimeout(settle)
      })
      const onChange = (path: string) => {
        const file = resolve(path)
        if (file !== input && !file.startsWith(templates)) return
        if (!read.has(file)) read.set(file, '')
        clearTimeout(timer)
        timer = setTimeout(rebuild, 8)
        clearTimeout(settle)
        settle = setTimeout(() => {
          if ([...read].some(([changed, was]) => fileStamp(changed) !== was)) rebuild()
        }, watcherQuietMs)
      }
      server.watcher.on('change', onChange)
      server.watcher.on('add', onChange)
      server.watcher.on('unlink', onChange)
      server.middlewares.use((request, response, next) => void pages.handle(request, response, next))
    }
  }
}

/**
 * Rebuilds off the request path: until it is done, requests get the last good pages, with a note that
 * a rebuild runs. A save during a rebuild asks for one more, once this one is done. `starting` is called as
 * each reading of the site begins.
 */
function rebuilder(site: Site, pages: ReturnType<typeof servePages>, done: () => void, options: DevServerOptions, starting: () => void): () => void {
  let running = false
  let again = false
  const rebuild = async () => {
    if (running) {
      again = true
      return
    }
    running = true
    pages.rebuilding(true)
    options.log?.(`Rebuilding ${options.input}…`)
    try {
      do {
        again = false
        starting()
        await site.refresh()
      } while (again)
    } finally {
      running = false
      pages.rebuilding(false)
    }
    done()
  }
  return () => void rebuild()
}

/** The middleware that answers the site's pages, and what it remembers of what it served. */
function servePages(site: Site, afterPage: () => void, styles: () => number) {
  // What each path served since the last build: a reload, or a second tab, costs nothing, and while a
  // rebuild runs the page is answered from here (with the note) rather than waiting for the site's thread.
  let served = new Map<string, Served>()
  let rebuilding = false
  // Which build the pages in `served` come from, and which stylesheet edit: a page names both, so that it can
  // tell when it is out of date.
  let build = 0
  const version = () => `${build}.${styles()}`
  const handle = async (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next()
    const path = decodedPath(request.url)
    // A malformed escape (`/%`, `/50%-sparsity/`) names no page: a 400, and the server keeps serving.
    if (path === undefined) {
      response.statusCode = 400
      return response.end('Bad request: the address has a malformed %-escape.')
    }
    let result = served.get(path)
    if (!result) {
      let page = await site.page(path)
      // A page the last edit removed (a renamed paper) gets the 404 page with the problems, and it keeps
      // reloading with each save: vite's bare "Cannot GET" would not.
      const missing = !page && (path.endsWith('/') || path.endsWith('.html'))
      if (missing) page = await site.page('/404.html')
      if (!page) return next()
      afterPage()
      result = {body: page.body, type: page.type, status: missing ? 404 : 200}
      served.set(path, result)
    }
    // The page's parts as sent (banner, note, encoded) are kept while the messages and the note stay the same:
    // a tab that polls, or many, during a rebuild costs a write each, not an encoding each.
    const [messages, now] = [site.messages(), version()]
    if (result.sent?.messages !== messages || result.sent.rebuilding !== rebuilding || result.sent.version !== now) {
      result.sent = {messages, rebuilding, version: now, bytes: withDevParts(result, {messages, rebuilding, version: now})}
    }
    send(response, {...result, body: result.sent.bytes})
  }
  return {
    handle,
    version,
    rebuilding(now: boolean) {
      rebuilding = now
      // Once the new build is there, every page is asked for again.
      if (!now) {
        served = new Map()
        build += 1
      }
    }
  }
}

/**
 * A page as the dev server sends it: with vite's client, the banner's stylesheet, and the problems above it.
 * Cut from the page's bytes as the site thread encoded them (the three places are found by their ASCII tags)
 * and sent as parts, one write each: joined, they were one more copy of a 2 MB home page, on this thread, on
 * the way to every refreshed tab. Four interleaved pairs of 9 saves at 1,000 papers: median 164–224 ms
 * against 168–283 (each pair faster, by 4–58 ms).
 */
function withDevParts(page: Served, {messages, rebuilding, version}: {messages: VFile[]; rebuilding: boolean; version: string}): Buffer[] {
  const body = Buffer.from(page.body.buffer, page.body.byteOffset, page.body.byteLength)
  if (!page.type.startsWith('text/html')) return [body]
  // The page already carries the dev server's own policy (state.ts): only vite's client and the banner are added here.
  // vite's client (reloads, CSS updates), as transformIndexHtml would add it: that parses the whole
  // page, about a second for the home page of a 1,000-paper list, and this is all it adds here.
  const client = `\n<meta name="dev-build" content="${version}">\n<script type="module" src="/@vite/client"></script>\n<script type="module" src="/src/dev/live.ts"></script>`
  const stylesheet = '<link rel="stylesheet" href="/src/dev/banner.css">\n'
  const problems = `\n${banner(messages, {rebuilding})}`
  const head = tagAt(body, '<head')
  const close = body.indexOf('</head>')
  const open = tagAt(body, '<body')
  if (head && open && head.end <= close && close < open.start) {
    const text = (part: string) => Buffer.from(part)
    return [body.subarray(0, head.end), text(client), body.subarray(head.end, close), text(stylesheet), body.subarray(close, open.end), text(problems), body.subarray(open.end)]
  }
  // A page in another order (a template of the contributor's own): the same parts, placed one by one.
  const html = body.toString()
  return [Buffer.from(html.replace('</head>', `${stylesheet}</head>`).replace(/<head[^>]*>/, (tag) => tag + client).replace(/<body[^>]*>/, (tag) => tag + problems))]
}

/** Where the first `<head…>` or `<body…>` tag starts and ends (after its `>`), as `/<head[^>]*>/` finds it. */
function tagAt(bytes: Buffer, opening: string): {start: number; end: number} | undefined {
  const start = bytes.indexOf(opening)
  const close = start === -1 ? -1 : bytes.indexOf('>', start)
  return close === -1 ? undefined : {start, end: close + 1}
}

/** How long after a file's reported change vite's watcher may have dropped more changes to it (chokidar's 50 ms), and a little more. */
const watcherQuietMs = 60

/**
 * A file's size, time and inode as one text, to tell whether it changed; `missing` when it is gone, and the error's
 * code when it cannot be read (a template made unreadable, a broken link): that is the reading's to report, not a
 * reason for the server to stop.
 */
function fileStamp(path: string): string {
  try {
    const stat = statSync(path, {throwIfNoEntry: false})
    return stat ? `${stat.size}:${stat.mtimeMs}:${stat.ino}` : 'missing'
  } catch (error) {
    return `error:${(error as NodeJS.ErrnoException).code ?? 'unknown'}`
  }
}

/** The site on its own thread; if that thread fails to start or dies, on this one, blocking, as it used to. */
function siteWithFallback(options: DevSiteOptions, log: ((text: string) => void) | undefined): Site & {close(): Promise<void>} {
  const background = new BackgroundSite(options)
  let local: DevSite | undefined
  const onThisThread = async (error: unknown): Promise<DevSite> => {
    if (!local) {
      log?.(`The site's thread failed (${(error as Error).message}); rebuilding on the server's own thread.`)
      local = createDevSite(options)
      await local.refresh()
    }
    return local
  }
  return {
    refresh: async () => (local ? local.refresh() : background.refresh().catch(async (error) => (await onThisThread(error)).messages())),
    // On the server's own thread a rehearsal would hold every request: there is none.
    rehearse: async () => (local ? undefined : background.rehearse().catch(() => undefined)),
    page: async (path) => (local ? encoded(local.page(path)) : background.page(path).catch(async (error) => encoded((await onThisThread(error)).page(path)))),
    messages: () => (local ? local.messages() : background.messages()),
    close: () => background.close()
  }
}

/** A page of the site on this thread, as the site thread would send it. */
function encoded(page: {body: string; type: string} | undefined): SitePage | undefined {
  return sendPage(page).page
}

interface Served {
  body: Uint8Array
  type: string
  status: number
  /** The page as last sent, and what it was sent with. */
  sent?: {messages: VFile[]; rebuilding: boolean; version: string; bytes: Buffer[]}
}

function decodedPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://x').pathname)
  } catch {
    return undefined
  }
}

/** A response in parts: its length set up front, so it goes out as one body (not chunked), and corked, so the parts reach the socket together. */
function send(response: ServerResponse, {body, type, status}: {body: Buffer[]; type: string; status: number}): void {
  response.statusCode = status
  response.setHeader('content-type', type)
  response.setHeader('cache-control', 'no-store')
  response.setHeader('content-length', body.reduce((sum, part) => sum + part.byteLength, 0))
  response.cork()
  for (const part of body) response.write(part)
  response.end()
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

import {readFileSync, readdirSync, statSync, existsSync} from 'node:fs'
import {join, relative} from 'node:path'

export interface Page {
  /** The page's URL path under the base, e.g. `/Awesome-LLM-Pruning/models/x/`. */
  path: string
  file: string
  html: string
}

/** Every HTML page of a built site, with the URL path it is served at. */
export function pages(root: string, base: string): Page[] {
  const list: Page[] = []
  for (const file of walk(root)) {
    if (!file.endsWith('.html')) continue
    const rel = relative(root, file).split('\\').join('/')
    list.push({path: base + rel.replace(/(^|\/)index\.html$/, '$1'), file, html: readFileSync(file, 'utf8')})
  }
  return list.sort((a, b) => (a.path < b.path ? -1 : 1))
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? walk(full) : [full]
  })
}

const entities: Record<string, string> = {'&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&lt;': '<', '&gt;': '>'}
const decode = (value: string) => value.replace(/&(amp|quot|#39|#x27|lt|gt);/g, (entity) => entities[entity] ?? entity)

/** The href, src and srcset values of a page (quoted either way or unquoted), entity-decoded; srcset split into its URLs. */
export function references(html: string): string[] {
  const found: string[] = []
  for (const match of html.matchAll(/\s(href|src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi)) {
    const value = decode(match[2] ?? match[3] ?? match[4] ?? '')
    if (match[1]!.toLowerCase() === 'srcset') found.push(...value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '').filter(Boolean))
    else found.push(value)
  }
  return found
}

export function ids(html: string): Set<string> {
  return new Set(Array.from(html.matchAll(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi), (match) => decode(match[1] ?? match[2] ?? match[3] ?? '')))
}

/** Internal links (same origin) of a page, resolved to URL paths with their fragment. */
export function internalLinks(page: Page): URL[] {
  const origin = 'http://site.invalid'
  return references(page.html)
    .map((value) => new URL(value, origin + page.path))
    .filter((url) => url.origin === origin)
}

export interface Crawl {
  pages: number
  /** Internal href, src and srcset URLs followed (fragments included). */
  links: number
  /** Links that point at no file, or at a #fragment no element carries. */
  broken: string[]
  /** Pages no link leads to from the home page (but `404.html`, which the host serves for a missing path). */
  unreachable: string[]
}

/** Follows every internal href, src and srcset of every page of a built site, fragments included. */
export function crawl(root: string, base: string): Crawl {
  const all = pages(root, base)
  const byPath = new Map(all.map((page) => [page.path, page]))
  const broken: string[] = []
  const edges = new Map<string, string[]>()
  let links = 0
  for (const page of all) {
    const targets: string[] = []
    edges.set(page.path, targets)
    for (const url of internalLinks(page)) {
      links++
      const where = `${page.path} → ${url.pathname}${url.hash}`
      if (!url.pathname.startsWith(base)) {
        broken.push(`${where} (outside ${base})`)
        continue
      }
      const rel = decodeURIComponent(url.pathname.slice(base.length))
      const file = join(root, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel)
      if (!existsSync(file) || statSync(file).isDirectory()) {
        broken.push(`${where} (no such file)`)
        continue
      }
      targets.push(url.pathname)
      if (url.hash.length > 1) {
        const target = byPath.get(url.pathname)
        if (!target || !ids(target.html).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${where} (no such anchor)`)
      }
    }
  }
  const seen = new Set<string>([base])
  const queue = [base]
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    for (const next of edges.get(path) ?? []) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return {pages: all.length, links, broken, unreachable: all.map((page) => page.path).filter((path) => !seen.has(path) && path !== `${base}404.html`)}
}

/** Every internal href/src that points at no file, or at a #fragment no element carries. */
export function brokenLinks(root: string, base: string): string[] {
  return crawl(root, base).broken
}

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

const entities: Record<string, string> = {'&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>'}

/** The href, src and srcset values of a page, entity-decoded. */
export function references(html: string): string[] {
  const found: string[] = []
  for (const match of html.matchAll(/\s(href|src|srcset)\s*=\s*"([^"]*)"/gi)) {
    const value = match[2]!.replace(/&(amp|quot|#39|lt|gt);/g, (entity) => entities[entity] ?? entity)
    if (match[1]!.toLowerCase() === 'srcset') found.push(...value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? ''))
    else found.push(value)
  }
  return found
}

export function ids(html: string): Set<string> {
  return new Set(Array.from(html.matchAll(/\sid\s*=\s*"([^"]*)"/gi), (match) => match[1]!))
}

/** Internal links (same origin) of a page, resolved to URL paths with their fragment. */
export function internalLinks(page: Page): URL[] {
  const origin = 'http://site.invalid'
  return references(page.html)
    .map((value) => new URL(value, origin + page.path))
    .filter((url) => url.origin === origin)
}

/** Every internal href/src that points at no file, or at a #fragment no element carries. */
export function brokenLinks(root: string, base: string): string[] {
  const all = pages(root, base)
  const byPath = new Map(all.map((page) => [page.path, page]))
  const broken: string[] = []
  for (const page of all) {
    for (const url of internalLinks(page)) {
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
      if (url.hash.length > 1) {
        const target = byPath.get(url.pathname)
        if (!target || !ids(target.html).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${where} (no such anchor)`)
      }
    }
  }
  return broken
}

import type {EntityKind, Id} from '../types.ts'

/** Where each kind of page lives, relative to the site root, with no leading slash. */
export const folder: Record<EntityKind, string> = {
  paper: 'papers',
  model: 'models',
  dataset: 'datasets',
  method: 'methods',
  label: 'labels',
  venue: 'venues',
  year: 'years'
}

export function pagePath(kind: EntityKind, id: Id): string {
  return `${folder[kind]}/${id}/`
}

/** `/`, `/Awesome-LLM-Pruning/`: always one leading and one trailing slash. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '')
  return trimmed === '' ? '/' : `/${trimmed}/`
}

/** The file a page path is written to: `models/x/` → `models/x/index.html`. */
export function outputFile(page: string): string {
  return page === '' || page.endsWith('/') ? `${page}index.html` : page
}

/** The absolute URL of a page when the site's URL is known: `https://x.github.io` + `/base/` + `papers/a/`. */
export function absoluteUrl(siteUrl: string | undefined, base: string, page: string): string | undefined {
  return siteUrl ? `${siteUrl.replace(/\/+$/, '')}${base}${page}` : undefined
}

import {rowKey} from '../graph/added.ts'
import type {Graph, Id} from '../types.ts'
import {absoluteUrl, folder} from './paths.ts'
import {xmlText} from './xml.ts'
import {isoInstant} from '../util/iso-date.ts'

/**
 * `sitemap.xml` (sitemaps.org 0.9). Its URLs must be absolute, so there is one only when the build
 * knows the site's URL. lastmod comes from the README's history: a paper's page changed when its
 * entry last did; a model's, dataset's or method's when its table row or one of its papers did;
 * any other page when the README did. Without history there is no lastmod rather than a made-up one.
 */
export function sitemap(graph: Graph, pages: string[], options: {base: string; siteUrl: string}): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
  for (const page of pages) {
    const lastmod = lastChanged(graph, page)
    lines.push(`  <url><loc>${xmlText(absoluteUrl(options.siteUrl, options.base, page)!)}</loc>${lastmod ? `<lastmod>${isoInstant(lastmod)}</lastmod>` : ''}</url>`)
  }
  lines.push('</urlset>')
  return `${lines.join('\n')}\n`
}

/** `robots.txt`: everything may be crawled; the sitemap is named when there is one. */
export function robots(options: {base: string; siteUrl: string | undefined}): string {
  const map = absoluteUrl(options.siteUrl, options.base, 'sitemap.xml')
  return `User-agent: *\nAllow: /\n${map ? `\nSitemap: ${map}\n` : ''}`
}

function lastChanged(graph: Graph, page: string): string | undefined {
  const history = graph.history
  if (history.source === 'none') return undefined
  const [kind, id] = page.split('/') as [string, Id | undefined]
  const paperChanged = (paperId: Id) => history.changed.get(`paper:${paperId}`) ?? ''
  if (id && kind === folder.paper) return paperChanged(id) || history.newest
  const entity = !id ? undefined : kind === folder.model ? graph.model.get(id) : kind === folder.dataset ? graph.dataset.get(id) : kind === folder.method ? graph.method.get(id) : undefined
  if (entity) {
    const dates = [history.changed.get(rowKey(entity.name)) ?? '', ...entity.papers.map(paperChanged)]
    return dates.sort().pop() || history.newest
  }
  return history.newest
}

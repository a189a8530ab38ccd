import {bibFile} from '../cite/bibtex.ts'
import type {CompleteGraph} from '../types.ts'
import {atomFeed} from './feed.ts'
import {outputFile} from './paths.ts'
import {routes} from './routes.ts'
import {robots, sitemap} from './sitemap.ts'

/** The site's files that are not pages: the bibliography, the feed, and what crawlers read. */
export function extraFiles(graph: CompleteGraph, options: {base: string; siteUrl: string | undefined}): Array<[string, string]> {
  const files: Array<[string, string]> = [
    ['papers.bib', bibFile(graph)],
    ['feed.xml', atomFeed(graph, options)],
    ['robots.txt', robots(options)]
  ]
  if (options.siteUrl) {
    // Pages kept out of search engines (the 404 page, the old addresses of renamed pages) are not listed.
    const pages = routes(graph)
      .filter((route) => !route.noindex)
      .map((route) => route.page)
      .filter((page) => outputFile(page).endsWith('index.html'))
    files.push(['sitemap.xml', sitemap(graph, pages, {base: options.base, siteUrl: options.siteUrl})])
  }
  return files
}

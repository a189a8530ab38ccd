import {createHash} from 'node:crypto'
import {recentlyAdded} from '../graph/added.ts'
import type {Graph} from '../types.ts'
import {formatDate} from './format.ts'
import {venueLabel} from './card.ts'
import {absoluteUrl, pagePath} from './paths.ts'
import {xmlText} from './xml.ts'
import {isoInstant} from '../util/iso-date.ts'

/** How many of the most recently added papers the feed carries. */
export const feedSize = 100

/**
 * `feed.xml`: an Atom feed (RFC 4287) of the papers, most recently added first, dated by the commit
 * that added each one (or by the paper's own date where there is no history).
 * Without `--site-url` links are root-relative and ids are name-based UUIDs; with it both are absolute URLs.
 */
export function atomFeed(graph: Graph, options: {base: string; siteUrl: string | undefined}): string {
  const link = (page: string) => absoluteUrl(options.siteUrl, options.base, page) ?? `${options.base}${page}`
  const id = (page: string) => absoluteUrl(options.siteUrl, options.base, page) ?? `urn:uuid:${uuid(`${options.base}${page}`)}`
  const entries = recentlyAdded(graph).slice(0, feedSize)
  const updated = isoInstant(entries[0]?.added.date ?? graph.history.newest ?? '1970-01-01T00:00:00Z')
  const title = graph.title || 'Awesome list'
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${xmlText(`${title}: new papers`)}</title>`,
    `  <subtitle>${xmlText(`Papers as they are added to ${title}. ${graph.history.note}`)}</subtitle>`,
    `  <id>${xmlText(id(''))}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(link('feed.xml'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(link('new/'))}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xmlText(`${title} contributors`)}</name></author>`,
    '  <generator>Awesome-LLM-Pruning site generator</generator>'
  ]
  for (const {paper, added} of entries) {
    const page = pagePath('paper', paper.id)
    const meta = graph.meta.get(paper.id)
    // The venue as the site shows it ("arXiv", "ICML 2023"), and the date unless it only repeats the venue's year.
    const venue = venueLabel(graph, paper)
    const date = formatDate(paper.date)
    const facts = [venue, date === String(paper.venue.year) ? '' : date].filter(Boolean).join(', ')
    const summary = meta?.abstract || [facts, paper.summary].filter(Boolean).join('. ') || paper.title
    lines.push(
      '  <entry>',
      `    <title>${xmlText(paper.title)}</title>`,
      `    <id>${xmlText(id(page))}</id>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(link(page))}"/>`,
      ...(paper.arxiv ? [`    <link rel="related" type="text/html" href="https://arxiv.org/abs/${xmlText(paper.arxiv)}" title="arXiv"/>`] : []),
      `    <updated>${isoInstant(added.date)}</updated>`,
      ...(meta ? [`    <published>${isoInstant(meta.published)}</published>`] : []),
      ...(meta?.authors ?? []).map((name) => `    <author><name>${xmlText(name)}</name></author>`),
      ...paper.labels.map((id) => `    <category term="${xmlText(id)}" label="${xmlText(graph.label.get(id)?.name ?? id)}"/>`),
      `    <summary>${xmlText(summary)}</summary>`,
      '  </entry>'
    )
  }
  lines.push('</feed>')
  return `${lines.join('\n')}\n`
}

/** A name-based (version 5 style) UUID: the same page always gets the same id. */
function uuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

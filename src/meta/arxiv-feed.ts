import {DOMParser, onWarningStopParsing, type Element} from '@xmldom/xmldom'
import type {PaperMeta} from '../types.ts'
import {readIsoInstant} from '../util/iso-date.ts'

const atom = 'http://www.w3.org/2005/Atom'
const arxivNs = 'http://arxiv.org/schemas/atom'

/** The API answered with something that is not the Atom it documents. */
export class FeedError extends Error {
  override name = 'FeedError'
}

/**
 * Reads one answer of the arXiv API (`/api/query?id_list=…`), an Atom feed with one entry per paper.
 * Any XML error, even a warning, rejects the whole answer: a half-read feed must not reach the cache.
 * An id arXiv does not know comes back as an entry whose id is an error URL; it is left out.
 */
export function parseArxivFeed(xml: string): PaperMeta[] {
  let document
  try {
    document = new DOMParser({onError: onWarningStopParsing}).parseFromString(xml, 'text/xml')
  } catch (error) {
    throw new FeedError(`malformed XML: ${firstLine((error as Error).message)}`)
  }
  const feed = document.documentElement
  if (!feed || feed.namespaceURI !== atom || feed.localName !== 'feed') throw new FeedError('not an Atom feed')
  const papers: PaperMeta[] = []
  for (const entry of children(feed, atom, 'entry')) {
    const arxiv = idFromUrl(text(entry, atom, 'id'))
    if (!arxiv) continue
    const published = isoDate(text(entry, atom, 'published'))
    const updated = isoDate(text(entry, atom, 'updated')) ?? published
    const title = squash(text(entry, atom, 'title'))
    if (!published || !updated || title === '') throw new FeedError(`the entry for ${arxiv} lacks a title or a date`)
    papers.push({
      arxiv,
      title,
      authors: children(entry, atom, 'author').map((author) => squash(text(author, atom, 'name'))).filter(Boolean),
      abstract: squash(text(entry, atom, 'summary')),
      published,
      updated,
      primaryCategory: children(entry, arxivNs, 'primary_category')[0]?.getAttribute('term') || undefined,
      doi: squash(text(entry, arxivNs, 'doi')) || undefined,
      journalRef: squash(text(entry, arxivNs, 'journal_ref')) || undefined
    })
  }
  return papers
}

/** `http://arxiv.org/abs/2402.02834v2` → `2402.02834`; `…/abs/cs/0112017v1` → `cs/0112017`; an error URL → undefined. */
export function idFromUrl(url: string): string | undefined {
  const match = /arxiv\.org\/abs\/(.+?)(?:v\d+)?$/.exec(url.trim())
  return match?.[1]
}

function children(parent: Element, ns: string, name: string): Element[] {
  const found: Element[] = []
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).namespaceURI === ns && (node as Element).localName === name) found.push(node as Element)
  }
  return found
}

function text(parent: Element, ns: string, name: string): string {
  return children(parent, ns, name)[0]?.textContent ?? ''
}

/** arXiv wraps titles and abstracts at 80 columns. */
function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

function isoDate(value: string): string | undefined {
  const read = readIsoInstant(value.trim())
  return read.ok ? read.iso : undefined
}

/** xmldom's message, without its wrapping: `Reporting fatalError "unclosed xml tag(s): feed" caused …` → the quoted part. */
function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message
  return /"(.+)"/.exec(line)?.[1] ?? line
}

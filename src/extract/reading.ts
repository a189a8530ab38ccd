import type {Locator} from './place.ts'
import {isPaperUrl, urlsIn} from './paper-link.ts'
import type {Nodes} from 'mdast'
import type {RawReading, RawUnread} from '../types.ts'
import {urlsInText} from '../util/url.ts'

export function emptyReading(): RawReading {
  return {forms: [], links: 0, read: 0, unread: []}
}

/** The lines of a paragraph or a block of raw HTML that link to a paper: places no form reads. */
export function paperLines(node: Nodes, at: Locator): RawUnread[] {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return []
  // Cheap first: most prose links to nothing that is a paper.
  if (!urlsIn(node).some(isPaperUrl)) return []
  const found: RawUnread[] = []
  for (const line of at.source.slice(start, end).matchAll(/[^\r\n]+/g)) {
    if (!urlsInText(line[0]).some(isPaperUrl)) continue
    const from = start + line.index
    found.push({kind: 'line', text: line[0].trim(), reason: 'it is a line of text, not a list item or a table row', position: at.span(from, from + line[0].length)})
  }
  return found
}

/**
 * What the build and the check print about the reading: the form chosen in each section, then the
 * coverage line. Kept in one place so both commands say the same.
 *
 *     Papers › Pruning: table (No., Title, Venue, Year), 340 entries
 *     read 338 papers from 340 paper links (99%)
 */
export function readingLines(reading: RawReading): string[] {
  const lines = reading.forms.map((form) => `${form.path}: ${form.description}, ${form.entries} ${form.entries === 1 ? 'entry' : 'entries'}`)
  lines.push(coverageLine(reading))
  return lines
}

/** `read 338 papers from 340 paper links (99%)`. */
export function coverageLine(reading: RawReading): string {
  return `read ${reading.read} ${reading.read === 1 ? 'paper' : 'papers'} from ${reading.links} paper ${reading.links === 1 ? 'link' : 'links'} (${percent(reading)}%)`
}

/** The share of paper links read, rounded down so that 99.6% never shows as a clean 100%. */
export function percent(reading: RawReading): number {
  return reading.links === 0 ? 100 : Math.floor((100 * reading.read) / reading.links)
}

import type {Rule} from './rule.ts'
import {coverageFix, unreadLines} from './coverage.ts'
import type {RawList} from '../types.ts'

/** How many paper links make a README "a list of papers": one or two may be a blurb about the authors' own work. */
const aList = 3

/** A README full of paper links from which no paper was read. */
export function noPaperRead(raw: RawList): boolean {
  return raw.papers.length === 0 && raw.reading.links >= aList
}

export const coverageNone: Rule = {
  id: 'coverage-none',
  severity: 'error',
  description: 'The README links to papers, but no paper could be read from it: its entries are in no form the site reads.',
  check({raw}, report) {
    if (!noPaperRead(raw)) return
    report(`The README links to papers in ${raw.reading.links} places, but no paper could be read from them; the first are at ${unreadLines(raw.reading)}`, raw.reading.unread[0]?.position, {fix: coverageFix})
  }
}

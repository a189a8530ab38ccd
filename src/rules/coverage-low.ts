import type {Rule} from './rule.ts'
import {coverageFix, coverageFloor, unreadLines} from './coverage.ts'
import {coverageLine, percent} from '../extract/reading.ts'
import {noPaperRead} from './coverage-none.ts'

export const coverageLow: Rule = {
  id: 'coverage-low',
  severity: 'warning',
  description: `Fewer than ${coverageFloor}% of the list items, table rows and lines that link to a paper were read as papers.`,
  check({raw}, report) {
    const reading = raw.reading
    if (reading.links === 0 || percent(reading) >= coverageFloor || noPaperRead(raw)) return
    report(`The site ${coverageLine(reading)}, below ${coverageFloor}%; the first it could not read are at ${unreadLines(reading)}`, reading.unread[0]?.position, {fix: coverageFix})
  }
}

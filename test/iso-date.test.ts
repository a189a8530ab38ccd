import {describe, expect, it} from 'vitest'
import {isoInstant, readIsoInstant} from '../src/util/iso-date.ts'
import {atomFeed} from '../src/render/feed.ts'
import {sitemap} from '../src/render/sitemap.ts'
import {graphJson} from '../src/render/graph-json.ts'
import {seed} from './helpers/seed.ts'
import {monthNames} from '../src/util/month.ts'
import {complete} from '../src/pipeline.ts'

describe('month names', () => {
  it("are en-US's, as Intl.DateTimeFormat writes them", () => {
    for (const width of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat('en-US', {month: width, timeZone: 'UTC'})
      expect(monthNames[width]).toEqual(Array.from({length: 12}, (_, month) => format.format(Date.UTC(2000, month, 1))))
    }
  })
})

describe('the one date formatter', () => {
  it('writes every RFC 3339 date-time as the same instant in UTC, to the second', () => {
    expect(isoInstant('2024-02-05T08:09:47Z')).toBe('2024-02-05T08:09:47Z')
    expect(isoInstant('2024-02-05T09:09:47+01:00')).toBe('2024-02-05T08:09:47Z')
    expect(isoInstant('2024-03-10T00:30:00+01:00')).toBe('2024-03-09T23:30:00Z')
    expect(isoInstant('2024-06-10T08:30:00-04:00')).toBe('2024-06-10T12:30:00Z')
    expect(isoInstant('2024-02-29T00:00:00.123Z')).toBe('2024-02-29T00:00:00Z')
    expect(isoInstant('0099-06-01T00:00:00Z')).toBe('0099-06-01T00:00:00Z')
  })

  it('refuses what Date.parse takes, and says why', () => {
    const reasons = Object.fromEntries(
      ['Feb 5 2024 (<x:evil>INJECTED</x:evil>)', '2024-02-05', '2024-02-05 08:09:47Z', '2024-02-05T08:09:47Z\n', '2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-02-05T24:00:00Z', '2024-02-05T08:09:47+24:00', '0001-01-01T00:00:00+01:00'].map((text) => {
        const read = readIsoInstant(text)
        return [text, read.ok ? read.iso : read.reason]
      })
    )
    expect(reasons).toEqual({
      'Feb 5 2024 (<x:evil>INJECTED</x:evil>)': 'write it as 2024-02-05T08:09:47Z (UTC), or with an offset: 2024-02-05T09:09:47+01:00',
      '2024-02-05': 'write it as 2024-02-05T08:09:47Z (UTC), or with an offset: 2024-02-05T09:09:47+01:00',
      '2024-02-05 08:09:47Z': 'write it as 2024-02-05T08:09:47Z (UTC), or with an offset: 2024-02-05T09:09:47+01:00',
      '2024-02-05T08:09:47Z\n': 'write it as 2024-02-05T08:09:47Z (UTC), or with an offset: 2024-02-05T09:09:47+01:00',
      '2023-02-29T00:00:00Z': 'February 2023 has no day 29',
      '2024-13-01T00:00:00Z': 'there is no month 13',
      '2024-02-05T24:00:00Z': '24:00:00 is not a time of day',
      '2024-02-05T08:09:47+24:00': '+24:00 is not an offset from UTC',
      '0001-01-01T00:00:00+01:00': 'it falls outside the years 1 to 9999 in UTC'
    })
  })

  it('is what the feed, the sitemap and graph.json write with: a date that got past a reader stops the write instead of reaching the file', () => {
    const {graph: linked} = seed()
    const paper = linked.papers[0]!
    const forged = '2024-01-01T00:00:00Z</updated><x:evil xmlns:x="urn:x">INJECTED</x:evil><updated>'
    const history = {...linked.history, source: 'git' as const, newest: '2024-06-01T00:00:00Z', added: new Map([[paper.id, forged]]), changed: new Map([[`paper:${paper.id}`, forged]])}
    const graph = complete(linked, {meta: new Map(), history})
    expect(() => atomFeed(graph, {base: '/', siteUrl: undefined})).toThrow(/^"2024-01-01T00:00:00Z<\/updated>.*" is not an ISO 8601 date-time/)
    expect(() => sitemap(graph, [`papers/${paper.id}/`], {base: '/', siteUrl: 'https://example.org'})).toThrow(/is not an ISO 8601 date-time/)
    expect(() => graphJson(graph)).toThrow(/is not an ISO 8601 date-time/)
  })
})

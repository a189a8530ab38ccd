import {describe, expect, it} from 'vitest'
import {parseVenue} from '../src/extract/venue.ts'
import {analyzeText} from './helpers/seed.ts'

/** The forms real lists write a venue in, read as a venue, a year and a track (issue 12, point 4). */
describe('venues', () => {
  it('reads each form into its venue, year and track', () => {
    const read = (text: string) => {
      const venue = parseVenue(text)
      return [venue.name, venue.year ?? null, venue.track ?? null, venue.preprint]
    }
    expect(read("ICML'23")).toEqual(['ICML', 2023, null, false])
    expect(read("EMNLP'24 Findings")).toEqual(['EMNLP', 2024, 'Findings', false])
    expect(read('TMLR_2025')).toEqual(['TMLR', 2025, null, false])
    expect(read('ICLR (Oral)')).toEqual(['ICLR', null, 'Oral', false])
    expect(read('NeurIPS 2023 Spotlight')).toEqual(['NeurIPS', 2023, 'Spotlight', false])
    expect(read('ArXiv')).toEqual(['arXiv', null, null, true])
    expect(read('arxiv 2024')).toEqual(['arXiv', 2024, null, true])
    expect(read('ICML23 workshop')).toEqual(['ICML', 2023, 'Workshop', false])
    expect(read('IJCAI 2024 (Survey Track)')).toEqual(['IJCAI', 2024, 'Survey Track', false])
    expect(read('ICML 2023 Workshop ES-FoMO')).toEqual(['ICML', 2023, 'Workshop', false])
    expect(read('ICML, 2025')).toEqual(['ICML', 2025, null, false])
    // A year alone, from a Year column, names no venue.
    expect(read('2023')).toEqual(['', 2023, null, false])
  })

  it('groups every spelling of a venue under one name, on the venue facet and the venue pages', () => {
    const venues = ["ICML'23", 'ICML 2024', 'icml23 workshop', 'NIPS 2019', 'Neurips 2022', 'NeurIPS 2023 Spotlight', 'ArXiv', 'arxiv 2024', 'Proceedings of the VLDB Endowment']
    const entries = venues.map((venue, n) => `- Paper ${n + 1}: Pruning Things\n  ${venue}, [Paper](https://arxiv.org/abs/2401.${String(n + 1).padStart(5, '0')})`).join('\n')
    const {graph} = analyzeText(`# List\n\n## Papers\n${entries}\n`)
    expect(graph!.venues.map((venue) => [venue.id, venue.name, venue.papers.length])).toEqual([
      ['icml', 'ICML', 3],
      ['neurips', 'NeurIPS', 3],
      ['arxiv', 'arXiv', 2],
      ['proceedings-of-the-vldb-endowment', 'Proceedings of the VLDB Endowment', 1]
    ])
    expect(graph!.papers.map((paper) => paper.venue.text)).toEqual(venues)
  })
})

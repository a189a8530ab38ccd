import {slugify, SlugRegistry} from '../util/slug.ts'
import {clip} from './clip.ts'
import type {Group, Id, Paper, RawPaper} from '../types.ts'

export interface Groups {
  labels: Group[]
  venues: Group[]
  years: Group[]
}

/**
 * Groups the papers by label, by venue and by year (see `publicationYear`), and gives each paper the ids of its groups.
 * Labels and venues are keyed regardless of case and spacing and keep the first spelling;
 * they are listed in order of first mention, years newest first.
 */
export function groupPapers(papers: Paper[], entries: RawPaper[]): Groups {
  const labels = new Grouping('label')
  const venues = new Grouping('venue')
  const years = new Grouping('year')
  papers.forEach((paper, n) => {
    paper.labels = (entries[n]?.labels ?? []).map((name) => labels.add(name, paper.id))
    paper.venueId = paper.venue.name === '' ? undefined : venues.add(paper.venue.name, paper.id)
    const year = publicationYear(paper)
    if (year !== undefined) years.add(String(year), paper.id)
  })
  return {labels: labels.all, venues: venues.all, years: [...years.all].sort((a, b) => Number(b.id) - Number(a.id))}
}

/**
 * The year a paper is grouped under: the venue's year when the entry names one ("ICLR 2024"),
 * as the contributor wrote it, else the year of its date (from the arXiv id).
 */
export function publicationYear(paper: Pick<Paper, 'venue' | 'date'>): number | undefined {
  return paper.venue.year ?? paper.date?.year
}

class Grouping {
  readonly all: Group[] = []
  readonly #byKey = new Map<string, Group>()
  readonly #ids = new SlugRegistry()
  readonly #prefix: string

  constructor(prefix: string) {
    this.#prefix = prefix
  }

  /** Adds the paper to the group of this name, making the group if it is new; returns the group's id. */
  add(name: string, paper: Id): Id {
    const key = name.toLowerCase().replace(/\s+/g, ' ').trim()
    let group = this.#byKey.get(key)
    if (!group) {
      group = {id: this.#ids.claim([slugify(name, this.#prefix)]), name: clip(name), papers: []}
      this.#byKey.set(key, group)
      this.all.push(group)
    }
    // Papers are added in the list's order, so a repeat (the same label twice on one entry) is the last one.
    if (group.papers[group.papers.length - 1] !== paper) group.papers.push(paper)
    return group.id
  }
}

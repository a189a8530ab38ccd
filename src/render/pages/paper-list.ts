import type {PaperCard} from '../card.ts'

/**
 * Above this many papers an entity's list is shown as compact rows: a card each would make the page
 * several megabytes. (The home page decides with `compactRows`, which also moves summaries out.)
 */
export const compactListAbove = 200

/** A list of papers as a template shows it: the cards, the list's class and the partial for one paper. */
export interface PaperList {
  papers: PaperCard[]
  className: 'rows' | 'papers'
  partial: '/partials/paper-row' | '/partials/paper-card'
}

export function paperList(papers: PaperCard[], compact = papers.length > compactListAbove): PaperList {
  return compact ? {papers, className: 'rows', partial: '/partials/paper-row'} : {papers, className: 'papers', partial: '/partials/paper-card'}
}

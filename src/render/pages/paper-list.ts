import type {PaperCard} from '../card.ts'

/**
 * Above this many papers an entity's list is shown as compact rows: a card each would make the page
 * several megabytes. (The home page decides with `compactRows`, which also moves summaries out.)
 */
export const compactListAbove = 200

/**
 * How many cards at the top of a list are laid out at once rather than when scrolled to (class `top`,
 * src/client/style.css): any of them may be in view, wherever the list starts on the screen. The filter then
 * moves the class to the cards that may be in view after each change, at most this many (src/client/filter.ts).
 */
export const laidOutAtOnce = 8

/** A list of papers as a template shows it: the cards, the list's class, the partial for one paper, and how many are laid out at once. */
export interface PaperList {
  papers: PaperCard[]
  className: 'rows' | 'papers'
  partial: '/partials/paper-row' | '/partials/paper-card'
  /** The first this many cards get the class `top`; rows have no such class (0). */
  top: number
}

export function paperList(papers: PaperCard[], compact = papers.length > compactListAbove): PaperList {
  return compact ? {papers, className: 'rows', partial: '/partials/paper-row', top: 0} : {papers, className: 'papers', partial: '/partials/paper-card', top: laidOutAtOnce}
}

import type {Graph} from '../types.ts'

/**
 * Summaries are searched on the home page. Up to this many papers they are printed in the rows;
 * beyond it they would double the page's weight, so they move to a file the filter fetches the
 * first time someone searches.
 */
export const inlineSummaryLimit = 1000

/**
 * Up to the same size the home page shows each paper as a full card (links and chips);
 * beyond it, as a compact two-line row.
 */
export function compactRows(graph: Graph): boolean {
  return graph.papers.length > inlineSummaryLimit
}

/** The file, relative to the site root, when the list is too long for inline summaries. */
export function summariesFile(graph: Graph): string | undefined {
  return graph.papers.length > inlineSummaryLimit && graph.papers.some((paper) => paper.summary) ? 'summaries.json' : undefined
}

/**
 * The summaries by paper id (papers without one are left out). By id, not by place: the rows may
 * already be sorted otherwise (`?sort=title`) when the filter reads them.
 */
export function summariesJson(graph: Graph): string {
  return JSON.stringify(Object.fromEntries(graph.papers.flatMap((paper) => (paper.summary ? [[paper.id, paper.summary]] : []))))
}

/**
 * The heat map's shade of a total, written once for the page (render/pages/matrix.ts) and for the
 * script that re-shades the totals of the rows a filter leaves (client/matrix.ts). Plain arithmetic,
 * no DOM: the build imports it too.
 */

/** Shades of the heat map: a total's share of the largest total, in steps of a fifth. */
export const heatLevels = 5

/** 0 for nothing; else 1 to `heatLevels`, the total's share of `max` (which is at least the total) rounded up. */
export function heat(total: number, max: number): number {
  return Math.ceil((total / (max || 1)) * heatLevels)
}

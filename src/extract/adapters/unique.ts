import type {Link} from '../../types.ts'

/** Links without repeats: the same URL written twice in one entry (as a link and as bare text) is one link. */
export function uniqueLinks(links: Link[]): Link[] {
  const seen = new Set<string>()
  return links.filter((link) => !seen.has(link.href) && seen.add(link.href))
}

/** Labels without repeats, regardless of case, in the order first written. */
export function uniqueLabels(labels: string[]): string[] {
  return labels.filter((label, n) => labels.findIndex((other) => other.toLowerCase() === label.toLowerCase()) === n)
}

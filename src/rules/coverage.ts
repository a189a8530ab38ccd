import type {RawReading} from '../types.ts'

/** The share of paper links below which the check warns. */
export const coverageFloor = 95

/** `lines 14, 17 and 20 (and 12 more)`: where the first unread places are. */
export function unreadLines(reading: RawReading, shown = 5): string {
  const lines = [...new Set(reading.unread.map((place) => place.position?.start.line).filter((line) => line !== undefined))]
  if (lines.length === 0) return 'no line'
  const first = lines.slice(0, shown)
  const listed = first.length === 1 ? `line ${first[0]}` : `lines ${first.slice(0, -1).join(', ')} and ${first[first.length - 1]}`
  return lines.length > shown ? `${listed} (and ${lines.length - shown} more)` : listed
}

export const coverageFix = 'write each paper as a list item or a table row with its title and link (README.md shows the forms the site reads), or name the form with `--form`'

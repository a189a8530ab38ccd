/**
 * English month names, from `Intl.DateTimeFormat` rather than a table written by hand. en-US, because
 * its short names are the three letters the site has always written (en-GB's short September is `Sept`).
 * Worked out once: the renderer asks for a name per paper.
 */
function names(width: 'long' | 'short'): readonly string[] {
  const format = new Intl.DateTimeFormat('en-US', {month: width, timeZone: 'UTC'})
  return Array.from({length: 12}, (_, month) => format.format(Date.UTC(2000, month, 1)))
}

const long = names('long')
const short = names('short')

/** `January` for 1, … `December` for 12. */
export function monthName(month: number): string {
  return long[month - 1]!
}

/** `Jan` for 1, … `Dec` for 12. */
export function shortMonthName(month: number): string {
  return short[month - 1]!
}

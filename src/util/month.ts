/**
 * English month names, as en-US's `Intl.DateTimeFormat` writes them (its short names are the three letters
 * the site has always written; en-GB's short September is `Sept`). Written out rather than asked of Intl at
 * start-up: the first date format loads ICU's calendar data, 21 ms of every build and check here, and a
 * test (test/iso-date.test.ts) checks the names against Intl.
 */
export const monthNames = {
  long: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
} as const

/** `January` for 1, … `December` for 12. */
export function monthName(month: number): string {
  return monthNames.long[month - 1]!
}

/** `Jan` for 1, … `Dec` for 12. */
export function shortMonthName(month: number): string {
  return monthNames.short[month - 1]!
}

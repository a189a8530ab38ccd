import {monthName} from './month.ts'

/**
 * The one way a date is read and written. Every date the site publishes (Atom's `<published>` and
 * `<updated>`, the sitemap's `<lastmod>`, graph.json, JSON-LD, BibTeX's year and month) is an instant
 * that went through here, written as `2024-02-05T08:09:47Z`.
 *
 * `Date.parse` is not used: it takes `Feb 5 2024 (<anything>)` and `2024-02-30`, and what it took
 * was written as it was, into the feed. This reads RFC 3339's date-time (ISO 8601's profile for the
 * internet: `2024-02-05T08:09:47Z`, `2024-03-10T09:00:00+01:00`, with optional fractions of a second)
 * and checks every part.
 */
export type IsoRead = {ok: true; iso: string; time: number} | {ok: false; reason: string}

const form = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/

/** Reads a date-time strictly; says what is wrong with one that is not. The instant comes back in UTC, to the second. */
export function readIsoInstant(text: string): IsoRead {
  const match = form.exec(text)
  if (!match) return {ok: false, reason: 'write it as 2024-02-05T08:09:47Z (UTC), or with an offset: 2024-02-05T09:09:47+01:00'}
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const [sign, offsetHours, offsetMinutes] = [match[7], Number(match[8] ?? 0), Number(match[9] ?? 0)]
  if (month < 1 || month > 12) return {ok: false, reason: `there is no month ${month}`}
  if (day < 1 || day > daysIn(year, month)) return {ok: false, reason: `${monthName(month)} ${year} has no day ${day}`}
  if (hour > 23 || minute > 59 || second > 59) return {ok: false, reason: `${match[4]}:${match[5]}:${match[6]} is not a time of day`}
  if (offsetHours > 23 || offsetMinutes > 59) return {ok: false, reason: `${sign}${match[8]}:${match[9]} is not an offset from UTC`}
  const offset = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes)
  const date = new Date(0)
  // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute - offset, second, 0)
  if (date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) return {ok: false, reason: 'it falls outside the years 1 to 9999 in UTC'}
  return {ok: true, iso: date.toISOString().replace(/\.000Z$/, 'Z'), time: date.getTime()}
}

/** An invalid date reached a writer: the readers should have refused it with a message of their own. */
export class IsoDateError extends Error {
  override name = 'IsoDateError'
}

/** The date-time as the site writes it, `2024-02-05T08:09:47Z`; anything that does not read strictly throws. */
export function isoInstant(text: string): string {
  const read = readIsoInstant(text)
  if (!read.ok) throw new IsoDateError(`${JSON.stringify(text.slice(0, 80))} is not an ISO 8601 date-time: ${read.reason}`)
  return read.iso
}

function daysIn(year: number, month: number): number {
  if (month !== 2) return [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
}

import type {DatasetRole, PaperDate} from '../types.ts'
import {readIsoInstant} from '../util/iso-date.ts'
import {shortMonthName} from '../util/month.ts'

/** "Feb 2024", written out by hand so the output does not depend on the machine's locale. */
export function formatDate(date: PaperDate | undefined): string {
  if (!date) return ''
  return date.month ? `${shortMonthName(date.month)} ${date.year}` : String(date.year)
}

export const roleLabel: Record<DatasetRole, string> = {
  calibration: 'Calibration',
  finetuning: 'Fine-tuning',
  evaluation: 'Evaluation'
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${noun(count, one, many)}`
}

/** The word alone, for a count shown apart from it ("3", then "papers" for screen readers). */
export function noun(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many
}

/** Sorts by a string key without the machine's locale: the same order everywhere. */
export function byText<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a).toLowerCase()
    const y = key(b).toLowerCase()
    return x < y ? -1 : x > y ? 1 : 0
  }
}

/** "5 Feb 2024" from an ISO 8601 date, in UTC, without the machine's locale; '' for what does not read strictly. */
export function formatDay(iso: string): string {
  const date = instant(iso)
  if (!date) return ''
  return `${date.getUTCDate()} ${shortMonthName(date.getUTCMonth() + 1)} ${date.getUTCFullYear()}`
}

/** "A, B and C"; past `max` items, "A, B, C and 2 more". */
export function listText(items: string[], max = items.length): string {
  const shown = items.slice(0, max)
  if (items.length > max) shown.push(`${items.length - max} more`)
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`
}

/** Explicit bidirectional formatting characters: embeddings, overrides, isolates and marks. */
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

/**
 * Text for a place that takes no markup, such as `<title>`, where `dir="auto"` cannot contain it: when
 * the text carries bidi controls, it is wrapped in a first-strong isolate, so an override inside it (a
 * name starting with U+202E) ends with it instead of reversing what follows, such as the site's name.
 */
export function isolateBidi(text: string): string {
  return bidiControls.test(text) ? `\u2068${text}\u2069` : text
}

/** A date to the precision it is known: "15 Jan 2024", "Dec 2023" or "2023". */
export function formatAt(iso: string, precision: 'day' | 'month' | 'year'): string {
  const date = instant(iso)
  if (!date) return ''
  if (precision === 'year') return String(date.getUTCFullYear())
  if (precision === 'month') return `${shortMonthName(date.getUTCMonth() + 1)} ${date.getUTCFullYear()}`
  return formatDay(iso)
}

function instant(iso: string): Date | undefined {
  const read = readIsoInstant(iso)
  return read.ok ? new Date(read.time) : undefined
}

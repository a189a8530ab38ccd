import {cleanText} from '../util/clean-text.ts'
import {arxivIdForm} from '../util/arxiv.ts'
import {readIsoInstant} from '../util/iso-date.ts'
import type {MetaCache, PaperMeta} from '../types.ts'
import {truncate} from '../util/text.ts'

/**
 * What `content/papers.meta.json` may hold. A pull request can edit it like the README, so every value
 * is checked for its type and form, and long text is cut: one 115 MB abstract once made a 280 MB page.
 * Real entries stay far below these (arXiv's longest titles are about 300 bytes, abstracts about 2 KB).
 */
export const metaLimits = {
  /** The whole file: about 30,000 enriched papers. */
  fileBytes: 50 * 1024 * 1024,
  titleBytes: 1024,
  abstractBytes: 10 * 1024,
  authors: 100,
  authorBytes: 256,
  journalRefBytes: 1024,
  doiLength: 256,
  /** Messages about one file: a broken file of 100,000 entries must not flood the CI log. */
  messages: 50
} as const

/** One thing wrong with the file: an error leaves the entry out, a warning says what was cut. */
export interface MetaProblem {
  /** Where: `papers["2402.02834"].published`; `''` for the file as a whole. */
  field: string
  /** What is wrong, and how to put it right. */
  reason: string
  fatal: boolean
  /** The entry's key and the field in it, to point at their line. */
  id?: string
  key?: string
}

type Entry = Omit<PaperMeta, 'arxiv'>

const entryKeys = new Set(['title', 'authors', 'abstract', 'published', 'updated', 'primaryCategory', 'doi', 'journalRef'])
const arxivKey = new RegExp(`^(?:${arxivIdForm.source})$`, 'i')
/** `cs.CL`, `math.OC`, `q-bio.NC`, `cond-mat.mes-hall`, `hep-th`. */
const category = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[a-z]+)*)?$/
const doi = /^10\.\d{4,9}\/\S+$/

/** The cache in a parsed papers.meta.json: the entries that are valid, and every problem, at its path. */
export function validateMeta(data: unknown): {cache: MetaCache; problems: MetaProblem[]} {
  const cache: MetaCache = new Map()
  const problems: MetaProblem[] = []
  const rewrite = 'run `npm run enrich` to write the file again'
  if (!isRecord(data)) {
    problems.push({field: '', reason: `expected an object with a "papers" object, found ${kind(data)}; ${rewrite}`, fatal: true})
    return {cache, problems}
  }
  for (const key of Object.keys(data)) {
    if (key !== 'comment' && key !== 'papers') problems.push({field: step(key).replace(/^\./, ''), reason: `is not a field of the file, which holds "comment" and "papers"; ${rewrite}`, fatal: true})
  }
  if (data['comment'] !== undefined && typeof data['comment'] !== 'string') problems.push({field: 'comment', reason: `expected a string, found ${kind(data['comment'])}`, fatal: true})
  const papers = data['papers']
  if (!isRecord(papers)) {
    problems.push({field: 'papers', reason: `expected an object of entries by arXiv id, found ${kind(papers)}; ${rewrite}`, fatal: true})
    return {cache, problems}
  }
  for (const [id, value] of Object.entries(papers)) {
    if (!arxivKey.test(id)) {
      problems.push({field: `papers[${quote(id)}]`, reason: 'is not an arXiv id such as 2402.02834 or cs/0112017; delete the entry', fatal: true, id})
      continue
    }
    const entry = readEntry(id, value, (problem) => problems.push(problem))
    if (entry) cache.set(id, {...entry, arxiv: id})
  }
  return {cache, problems}
}

/** One entry, or undefined when a field is invalid. Text is cleaned of control characters, then cut to its limit. */
function readEntry(id: string, value: unknown, report: (problem: MetaProblem) => void): Entry | undefined {
  const where = `papers[${quote(id)}]`
  const refetch = `run \`npm run enrich -- --refresh ${id}\` to fetch it again`
  let valid = true
  // `path` is what follows the entry in the field's path: `.authors[3]`; the key alone by default.
  const fail = (key: string | undefined, reason: string, path = key === undefined ? '' : step(key)) => {
    valid = false
    report({field: `${where}${path}`, reason: `${reason}; ${refetch}`, fatal: true, id, ...(key === undefined ? {} : {key})})
  }
  const cut = (key: string, reason: string, path = step(key)) => report({field: `${where}${path}`, reason: `${reason}; check the entry, or ${refetch}`, fatal: false, id, key})
  if (!isRecord(value)) {
    fail(undefined, `expected an object, found ${kind(value)}`)
    return undefined
  }
  for (const key of Object.keys(value)) if (!entryKeys.has(key)) fail(key, `is not a field of an entry, which holds ${[...entryKeys].join(', ')}`)

  /** A string field; absent, null or (unless it may be) empty is undefined, an error when it is required. */
  const string = (key: string, required: boolean, mayBeEmpty = false): string | undefined => {
    const found = value[key]
    if (found === undefined || found === null || (found === '' && !mayBeEmpty)) {
      if (required) fail(key, found === '' ? 'is empty' : 'is missing')
      return undefined
    }
    if (typeof found !== 'string') fail(key, `expected a string, found ${kind(found)}`)
    return typeof found === 'string' ? found : undefined
  }
  const text = (key: string, required: boolean, limit: number, what: string, mayBeEmpty = false): string | undefined => {
    const found = string(key, required, mayBeEmpty)
    if (found === undefined) return undefined
    const clean = cleanText(found)
    if (required && !mayBeEmpty && clean.trim() === '') fail(key, 'holds no text')
    const kept = cutBytes(clean, limit)
    if (kept !== clean) cut(key, `${bytes(byteLength(clean))}, more than the ${bytes(limit)} ${what} may have; cut to ${bytes(byteLength(kept))}`)
    return kept
  }
  const date = (key: string): string | undefined => {
    const found = string(key, true)
    if (found === undefined) return undefined
    const read = readIsoInstant(found)
    if (!read.ok) fail(key, `${quote(found)} is not an ISO 8601 date-time: ${read.reason}`)
    return read.ok ? read.iso : undefined
  }
  const matching = (key: string, form: RegExp, maxLength: number, what: string): string | undefined => {
    const found = string(key, false)
    if (found !== undefined && (found.length > maxLength || !form.test(found) || cleanText(found) !== found)) fail(key, `${quote(found)} is not ${what}`)
    return found
  }

  const title = text('title', true, metaLimits.titleBytes, 'a title')
  const authors = readAuthors(value['authors'], fail, cut)
  const abstract = text('abstract', true, metaLimits.abstractBytes, 'an abstract', true) ?? ''
  const published = date('published')
  const updated = date('updated')
  const primaryCategory = matching('primaryCategory', category, 32, 'an arXiv category such as cs.CL, math.OC or q-bio.NC')
  const doiValue = matching('doi', doi, metaLimits.doiLength, 'a DOI such as 10.18653/v1/2024.acl-long.1')
  const journalRef = text('journalRef', false, metaLimits.journalRefBytes, 'a journal reference')
  if (!valid || title === undefined || published === undefined || updated === undefined || authors === undefined) return undefined
  return {title, authors, abstract, published, updated, primaryCategory, doi: doiValue, journalRef}
}

type Report = (key: string, reason: string, path?: string) => void

function readAuthors(found: unknown, fail: Report, cut: Report): string[] | undefined {
  if (!Array.isArray(found)) {
    fail('authors', found === undefined ? 'is missing' : `expected a list of names, found ${kind(found)}`)
    return undefined
  }
  const names: string[] = []
  let valid = true
  found.forEach((name: unknown, n) => {
    const clean = typeof name === 'string' ? cleanText(name).trim() : ''
    if (clean === '') {
      valid = false
      fail('authors', typeof name === 'string' ? 'is empty' : `expected a name, found ${kind(name)}`, `.authors[${n}]`)
      return
    }
    const kept = cutBytes(clean, metaLimits.authorBytes)
    if (kept !== clean) cut('authors', `${bytes(byteLength(clean))}, more than the ${bytes(metaLimits.authorBytes)} a name may have; cut to ${bytes(byteLength(kept))}`, `.authors[${n}]`)
    names.push(kept)
  })
  if (names.length > metaLimits.authors) {
    cut('authors', `${names.length} names, more than the ${metaLimits.authors} an entry may have; the first ${metaLimits.authors} are kept, the last ${names.length - metaLimits.authors} cut`)
    names.length = metaLimits.authors
  }
  return valid ? names : undefined
}

/** The text, cut at a character boundary so that it and an ellipsis fit in `limit` bytes of UTF-8. */
function cutBytes(text: string, limit: number): string {
  if (text.length * 3 <= limit || byteLength(text) <= limit) return text
  let used = byteLength('…')
  let end = 0
  for (const char of text) {
    used += byteLength(char)
    if (used > limit) break
    end += char.length
  }
  return `${text.slice(0, end)}…`
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** `10 KB`, `50 MB` for limits; `12,345 bytes` for what was found. */
export function bytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`
  return `${n.toLocaleString('en-US')} bytes`
}

/**
 * A value quoted for a message, cut to 80 characters. JSON's escapes show C0 controls and lone
 * surrogates; the other characters a reader cannot see (C1 controls, line and paragraph separators,
 * bidi and zero-width controls, noncharacters) are shown as `\u…` too.
 */
export function quote(value: string): string {
  return JSON.stringify(truncate(value, 80)).replace(/[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufdd0-\ufdef\ufff0-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** A key as a step of a path: `.doi`, or `["a b"]` when it is not a plain name. */
function step(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${quote(key)}]`
}

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

import {readFile, rename, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'

/**
 * What `npm run enrich` learns about an arXiv paper, cached in `content/papers.meta.json`
 * next to the README. The build reads only this file: it never asks arXiv itself.
 */
export interface PaperMeta {
  /** The arXiv id without version: `2402.02834`. */
  arxiv: string
  title: string
  /** As arXiv gives them: "Xin Men", in order. */
  authors: string[]
  abstract: string
  /** First version's submission time, ISO 8601 UTC. */
  published: string
  /** Latest version's submission time, ISO 8601 UTC. */
  updated: string
  /** `cs.CL`, for BibTeX's primaryClass. */
  primaryCategory: string | undefined
  doi: string | undefined
  journalRef: string | undefined
}

/** arXiv id → metadata. */
export type MetaCache = Map<string, PaperMeta>

/** `content/README.md` → `content/papers.meta.json`. */
export function metaPathFor(readme: string): string {
  return join(dirname(readme), 'papers.meta.json')
}

export class MetaCacheError extends Error {
  readonly path: string
  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`)
    this.name = 'MetaCacheError'
    this.path = path
  }
}

/** Reads the cache; a missing file is an empty cache. A malformed one is an error that names the entry. */
export async function readMetaCache(path: string): Promise<MetaCache> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map()
    throw error
  }
  return parseMetaCache(text, path)
}

export function parseMetaCache(text: string, path = 'papers.meta.json'): MetaCache {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new MetaCacheError(path, `not valid JSON (${(error as Error).message}); run \`npm run enrich\` to write it again`)
  }
  if (!isRecord(data) || !isRecord(data['papers'])) throw new MetaCacheError(path, 'expected an object with a "papers" object; run `npm run enrich` to write it again')
  const cache: MetaCache = new Map()
  for (const [id, value] of Object.entries(data['papers'])) {
    const meta = readEntry(value)
    if (!meta) throw new MetaCacheError(path, `the entry for ${id} lacks a title, authors, abstract or dates; run \`npm run enrich -- --refresh ${id}\``)
    cache.set(id, {...meta, arxiv: id})
  }
  return cache
}

/** Stable JSON: ids sorted, fields in a fixed order, so a pull request's diff shows only what changed. */
export function serializeMetaCache(cache: MetaCache): string {
  const papers: Record<string, Omit<PaperMeta, 'arxiv'>> = {}
  for (const id of [...cache.keys()].sort()) {
    const meta = cache.get(id)!
    papers[id] = {
      title: meta.title,
      authors: meta.authors,
      abstract: meta.abstract,
      published: meta.published,
      updated: meta.updated,
      primaryCategory: meta.primaryCategory,
      doi: meta.doi,
      journalRef: meta.journalRef
    }
  }
  return `${JSON.stringify({comment: 'Written by `npm run enrich` from the arXiv API. Do not edit by hand.', papers}, null, 2)}\n`
}

/** Writes the cache beside itself first and renames it in place, so an interrupted run leaves the old file. */
export async function writeMetaCache(path: string, cache: MetaCache): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`
  await writeFile(temporary, serializeMetaCache(cache))
  await rename(temporary, path)
}

function readEntry(value: unknown): Omit<PaperMeta, 'arxiv'> | undefined {
  if (!isRecord(value)) return undefined
  const {title, authors, abstract, published, updated} = value
  if (typeof title !== 'string' || typeof abstract !== 'string' || typeof published !== 'string' || typeof updated !== 'string') return undefined
  if (!Array.isArray(authors) || !authors.every((name) => typeof name === 'string')) return undefined
  if (Number.isNaN(Date.parse(published)) || Number.isNaN(Date.parse(updated))) return undefined
  const optional = (key: string) => (typeof value[key] === 'string' && value[key] !== '' ? (value[key] as string) : undefined)
  return {title, authors, abstract, published, updated, primaryCategory: optional('primaryCategory'), doi: optional('doi'), journalRef: optional('journalRef')}
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}


/** Paper id → its cached metadata, for the papers that have an arXiv id the cache knows. */
export function metaByPaper(papers: ReadonlyArray<{id: string; arxiv: string | undefined}>, cache: MetaCache): Map<string, PaperMeta> {
  const result = new Map<string, PaperMeta>()
  for (const paper of papers) {
    const meta = paper.arxiv ? cache.get(paper.arxiv) : undefined
    if (meta) result.set(paper.id, meta)
  }
  return result
}

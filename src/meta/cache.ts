import {lstatSync, readFileSync} from 'node:fs'
import {rename, writeFile} from 'node:fs/promises'
import {dirname, join, relative, resolve} from 'node:path'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {source as ruleSource} from '../util/diagnostic.ts'
import {bytes, metaLimits, validateMeta, type MetaProblem} from './schema.ts'
import type {MetaCache, PaperMeta} from '../types.ts'

/** `content/README.md` → `content/papers.meta.json`. */
export function metaPathFor(readme: string): string {
  return join(dirname(readme), 'papers.meta.json')
}

/** The cache as read: the valid entries, and a file named as the contributor sees it, with a message per problem. */
export interface MetaRead {
  cache: MetaCache
  /** Errors are fatal: the build stops on them, the dev server shows them and goes on without those entries. */
  file: VFile
}

/**
 * Reads the cache, for the build and the dev server alike, so both say the same. A missing file is an
 * empty cache. The file must be a plain file (a link could point at /proc/self/environ) no larger than
 * the limit, measured before it is read; a byte order mark is allowed, as in the README.
 */
export function readMetaCache(path: string): MetaRead {
  const file = new VFile({path: shownPath(path)})
  let text: string
  try {
    const stats = lstatSync(path)
    if (stats.isSymbolicLink() || !stats.isFile()) return refuse(file, `is ${stats.isSymbolicLink() ? 'a symbolic link' : 'not a file'}; the cache must be a plain file`)
    if (stats.size > metaLimits.fileBytes) return refuse(file, tooLarge(stats.size))
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return {cache: new Map(), file}
    return refuse(file, `cannot be read (${code ?? (error as Error).message})`)
  }
  return parseMetaCache(text, file)
}

/** Reads the cache from its text. */
export function parseMetaCache(text: string, file: VFile = new VFile({path: 'papers.meta.json'})): MetaRead {
  // The file may have grown since it was measured.
  if (text.length > metaLimits.fileBytes) return refuse(file, tooLarge(Buffer.byteLength(text)))
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (error) {
    // Only the place is told: the parser's message quotes the text, which is not ours to print.
    const at = /at position (\d+)/.exec((error as Error).message)?.[1]
    const place = at === undefined ? undefined : location(json).toPoint(Number(at))
    const message = file.message(`is not valid JSON${place ? ` at line ${place.line}, column ${place.column}` : ''}; run \`npm run enrich\` to write it again`, {place, ruleId: 'meta-cache', source: ruleSource})
    message.fatal = true
    return {cache: new Map(), file}
  }
  const {cache, problems} = validateMeta(data)
  report(file, json, problems)
  return {cache, file}
}

function refuse(file: VFile, reason: string): MetaRead {
  report(file, '', [{field: '', reason, fatal: true}])
  return {cache: new Map(), file}
}

function tooLarge(size: number): string {
  return `is ${bytes(size)}, more than the ${bytes(metaLimits.fileBytes)} a metadata cache may have; it holds no more than authors, abstracts and dates, so check what was added to it, or run \`npm run enrich\` to write it again`
}

/** One message per problem, at the line of its entry's field when the text shows where that is. */
function report(file: VFile, text: string, problems: MetaProblem[]): void {
  const place = location(text)
  for (const problem of problems.slice(0, metaLimits.messages)) {
    const offset = problem.id === undefined ? -1 : fieldOffset(text, problem.id, problem.key)
    const message = file.message(problem.field ? `${problem.field}: ${problem.reason}` : problem.reason, {place: place.toPoint(offset), ruleId: 'meta-cache', source: ruleSource})
    message.fatal = problem.fatal
  }
  if (problems.length > metaLimits.messages) {
    const rest = problems.slice(metaLimits.messages)
    const message = file.message(`${rest.length} more problems, not listed; fix the ones above, or run \`npm run enrich\` to write the file again`, {ruleId: 'meta-cache', source: ruleSource})
    message.fatal = rest.some((problem) => problem.fatal)
  }
}

/** Where `"id": {… "key":` starts in the file as enrich writes it; -1 when it cannot be found. */
function fieldOffset(text: string, id: string, key: string | undefined): number {
  const entry = text.indexOf(`${JSON.stringify(id)}:`)
  if (entry === -1 || key === undefined) return entry
  const field = text.indexOf(`${JSON.stringify(key)}:`, entry)
  return field === -1 ? entry : field
}

/** As the contributor would type it from the project: `content/papers.meta.json`. */
function shownPath(path: string): string {
  const shown = relative(process.cwd(), resolve(path))
  return shown === '' || shown.startsWith('..') ? resolve(path) : shown
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

/** Paper id → its cached metadata, for the papers that have an arXiv id the cache knows. */
export function metaByPaper(papers: ReadonlyArray<{id: string; arxiv: string | undefined}>, cache: MetaCache): Map<string, PaperMeta> {
  const result = new Map<string, PaperMeta>()
  for (const paper of papers) {
    const meta = paper.arxiv ? cache.get(paper.arxiv) : undefined
    if (meta) result.set(paper.id, meta)
  }
  return result
}

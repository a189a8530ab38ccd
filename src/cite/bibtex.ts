import type {Graph, Id, Paper, PaperMeta} from '../types.ts'
import {publication} from './venues.ts'
import {bibComment, bibField, bibNames, bibVerbatim} from './bibtex-text.ts'
import {withoutAccents} from '../util/text.ts'
import {shortMonthName} from '../util/month.ts'

/**
 * BibTeX for every paper, computed once per graph: keys must be unique across the whole list.
 *
 * Keys follow the habit of Google Scholar and most reference managers: first author's family name,
 * year, first significant word of the title (`men2024shortgpt`); without cached authors, the word and
 * the year (`shortgpt2024`). They depend on the paper alone, never on its place in the list, so they
 * stay put when the list is reordered. Papers that would share a key are told apart by a letter, given
 * in the order the papers joined the list (from its git history), then of arXiv id (and so, usually, of
 * age): a paper already listed keeps its key when another arrives, with or without an arXiv id.
 */
export interface Citations {
  key: ReadonlyMap<Id, string>
  entry: Map<Id, string>
}

const computed = new WeakMap<Graph, Citations>()

export function citations(graph: Graph): Citations {
  let result = computed.get(graph)
  if (!result) {
    const key = citationKeysOf(graph)
    const entry = new Map(graph.papers.map((paper) => [paper.id, formatEntry(graph, paper, key.get(paper.id)!)]))
    result = {key, entry}
    computed.set(graph, result)
  }
  return result
}

/**
 * Only the keys, for lists and graph.json: much cheaper than formatting every entry. They are the ones
 * `complete()` made with the graph's metadata and history; a graph not completed has none, and asking
 * is an error rather than a key made without the history.
 */
export function citationKeysOf(graph: Graph): ReadonlyMap<Id, string> {
  if (!graph.citationKeys) throw new Error('This graph has no citation keys: they are made by complete() (src/pipeline.ts), once the metadata and the history are known')
  return graph.citationKeys
}

/** `papers.bib`: every entry, in the list's order. */
export function bibFile(graph: Graph): string {
  const {entry} = citations(graph)
  const header = `% ${bibComment(graph.title || 'Awesome list')}: ${graph.papers.length} papers. Generated from the list; citation keys are stable.\n`
  return `${header}\n${graph.papers.map((paper) => entry.get(paper.id)).join('\n')}`
}

/** Every paper's key, from its metadata and the history: for `complete()`, which keeps them on the graph. */
export function citationKeys(graph: Graph): Map<Id, string> {
  const groups = new Map<string, Paper[]>()
  for (const paper of graph.papers) {
    const base = baseKey(paper, graph.meta.get(paper.id))
    const group = groups.get(base)
    if (group) group.push(paper)
    else groups.set(base, [paper])
  }
  const keys = new Map<Id, string>()
  const taken = new Set(groups.keys())
  for (const [base, papers] of groups) {
    // Papers the history has not seen yet (an uncommitted edit) come after those it has.
    const order = (paper: Paper) => `${graph.history.added.get(paper.id) ?? '~'} ${paper.arxiv ?? '~'} ${paper.id}`
    papers.sort((a, b) => (order(a) < order(b) ? -1 : 1))
    papers.forEach((paper, n) => {
      let key = base
      for (let m = n; m > 0 && (key === base || taken.has(key)); m++) key = base + letters(m)
      taken.add(key)
      keys.set(paper.id, key)
    })
  }
  return keys
}

const stopWords = new Set(['a', 'an', 'the', 'on', 'of', 'for', 'in', 'to', 'via', 'with', 'and', 'or', 'is', 'are', 'do', 'does', 'can', 'by', 'from', 'at', 'as', 'towards', 'toward', 'when', 'what', 'how', 'why', 'not', 'all', 'you', 'your', 'we'])

function baseKey(paper: Paper, meta: PaperMeta | undefined): string {
  const words = ascii(paper.title).split(/[^a-z0-9]+/).filter(Boolean)
  const word = words.find((w) => !stopWords.has(w) && /[a-z]/.test(w)) ?? words[0] ?? ''
  const year = String(yearOf(paper, meta) ?? '')
  const first = meta?.authors[0]
  const family = first ? ascii(familyName(first)).replace(/[^a-z]/g, '') : ''
  const key = family ? `${family}${year}${word}` : `${word}${year}`
  return key || paper.id.replace(/[^a-z0-9]/g, '') || 'paper'
}

/** 1 → b, 2 → c, …, 25 → z, 26 → ba: the first of a group keeps the bare key. */
function letters(n: number): string {
  let text = ''
  for (let m = n; m > 0; m = Math.floor(m / 26)) text = String.fromCharCode(97 + (m % 26)) + text
  return text
}

/** "Xin Men" → "Men"; "Hung-yi Lee" → "Lee"; "Yann Le Cun" → "Cun" (arXiv gives names first-name first). */
function familyName(name: string): string {
  const parts = name.trim().split(/\s+/)
  return parts[parts.length - 1] ?? ''
}

function ascii(text: string): string {
  return withoutAccents(text).toLowerCase()
}

function yearOf(paper: Paper, meta: PaperMeta | undefined): number | undefined {
  // A venue's year is the year of publication; a preprint's is the year arXiv first had it.
  if (!paper.venue.preprint && paper.venue.year) return paper.venue.year
  return meta ? Number(meta.published.slice(0, 4)) : paper.date?.year ?? paper.venue.year
}

function formatEntry(graph: Graph, paper: Paper, key: string): string {
  const meta = graph.meta.get(paper.id)
  const where = publication(paper.venue)
  const fields: Array<[string, string]> = []
  // Every value is written by bibtex-text.ts for its kind of field; only `month` is a bare word, from the list below.
  const add = (name: string, written: string, bare = false) => {
    if (written !== '') fields.push([name, bare ? written : `{${written}}`])
  }
  add('title', protectCase(bibField(paper.title)))
  if (meta) add('author', bibNames(meta.authors))
  if (where.kind === 'inproceedings') add('booktitle', bibField(where.booktitle))
  if (where.kind === 'article') add('journal', bibField(where.journal))
  if (where.kind === 'preprint') add('howpublished', bibField(where.howpublished ?? ''))
  add('year', bibField(String(yearOf(paper, meta) ?? '')))
  if (where.kind === 'preprint') {
    const month = meta ? Number(meta.published.slice(5, 7)) : paper.date?.month
    // BibTeX's month macros are the English short names in lower case: `jan`, … `dec`.
    add('month', month ? shortMonthName(month).toLowerCase() : '', true)
  }
  if (paper.arxiv) {
    add('eprint', bibVerbatim(paper.arxiv))
    add('archivePrefix', 'arXiv')
    add('primaryClass', bibField(meta?.primaryCategory ?? ''))
  }
  add('doi', bibVerbatim(meta?.doi ?? ''))
  add('url', bibVerbatim((paper.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : (paper.links.find((l) => /paper|pdf/i.test(l.label)) ?? paper.links[0])?.href) ?? ''))
  const type = where.kind === 'preprint' ? 'misc' : where.kind
  const width = Math.max(...fields.map(([name]) => name.length))
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join(',\n')
  return `@${type}{${key},\n${body}\n}\n`
}

/** Styles that lower-case titles must keep "LLaMA", "GPT" and "LoRA": words with a capital past their first letter are braced. */
function protectCase(title: string): string {
  // A word right after a backslash is a command this module wrote (`\textbraceleft`), not a word of the title.
  return title.replace(/(\\?)([A-Za-z0-9][A-Za-z0-9+-]*)/g, (all, command: string, word: string) => (command === '' && /^.+[A-Z]/.test(word) ? `{${word}}` : all))
}

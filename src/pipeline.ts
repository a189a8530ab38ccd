import type {VFile} from 'vfile'
import {citationKeys} from './cite/bibtex.ts'
import {metaByPaper, metaPathFor, readMetaCache} from './meta/cache.ts'
import {historyOff} from './history/history.ts'
import {CommittedHistory} from './history/committed.ts'
import {hasErrors} from './rules/index.ts'
import {noHistory, type CompleteGraph, type Graph, type History, type Id, type PaperMeta, type Renames} from './types.ts'

export type {CompleteGraph}

// The one pipeline of the build, the check, the dev server and the bench:
//   analyze(file)            read → parse → extract → link → validate (analyze.ts), what `check` runs;
//   readCompletion(…)        what the graph is completed with, read from beside the README: the metadata
//                            cache and the git history, read the same way by every caller;
//   complete(graph, …)       the finished graph, frozen, that the renderer takes.
// Nothing here loads the renderer, eta or vite.

export {analyze, analyzeWithHistory, parseAndAnalyze, readList, type Analysis} from './analyze.ts'

/** What a linked graph is completed with. */
export interface Completion {
  /** Paper id → its arXiv metadata from `papers.meta.json`. */
  meta: ReadonlyMap<Id, PaperMeta>
  /** When each paper came into the list, from the README's git history. */
  history: History
  /** Former ids of pages, from the same history. */
  renames?: Renames | undefined
}


/**
 * The finished graph: `graph` with what it was completed with and the citation keys, which depend on
 * the metadata (authors, year) and on the history (the order papers joined the list in), so they are
 * computed here, once, and never from a graph that lacks them. The result is frozen all the way down,
 * maps and sets included: a renderer that tried to change what it shows would throw instead of
 * showing it, and nothing can change a citation key's inputs after the key was made.
 */
export function complete(graph: Graph, completion: Completion): CompleteGraph {
  const finished: Graph = {...graph, meta: completion.meta as Map<Id, PaperMeta>, history: completion.history, renames: completion.renames}
  return deepFreeze({...finished, citationKeys: citationKeys(finished)})
}

/** Where the completion is read from, and how. */
export interface CompletionOptions {
  /** The README: its folder holds the metadata cache, its git history the dates and renames. */
  input: string
  /** The metadata cache; `papers.meta.json` beside the README by default. */
  meta?: string | undefined
  /** Read the git history (default). false: each paper's "added" date is its own, and there are no renames. */
  history?: boolean | undefined
  /** The README's committed history, kept across calls by a long-lived process (the dev server). */
  committed?: CommittedHistory | undefined
  /**
   * Go on past an error in the metadata cache with its valid entries (the dev server, which shows the
   * error above the page). The build stops instead, so it reads no history once the cache has failed.
   */
  bestEffort?: boolean | undefined
}

/** The completion, or none when the metadata cache has an error (unless `bestEffort`); `metaFile` holds the cache's messages either way. */
export interface ReadCompletion {
  completion: Completion | undefined
  metaFile: VFile
}

/**
 * Reads what `graph` is completed with, for the build and the dev server alike: the metadata cache
 * (only the file `npm run enrich` wrote: never the network), the history and the renames. A cache with
 * an error gives no completion, and the build stops on it; the dev server shows the error above the
 * page, as it does an error in the README, and completes the graph with the cache's valid entries.
 */
export async function readCompletion(graph: Graph, options: CompletionOptions): Promise<ReadCompletion> {
  const meta = readMetaCache(options.meta ?? metaPathFor(options.input))
  if (hasErrors(meta.file) && !options.bestEffort) return {completion: undefined, metaFile: meta.file}
  const byPaper = metaByPaper(graph.papers, meta.cache)
  if (options.history === false) return {completion: {meta: byPaper, history: noHistory(historyOff)}, metaFile: meta.file}
  const {history, renames} = await (options.committed ?? new CommittedHistory(options.input)).read(graph)
  return {completion: {meta: byPaper, history, renames}, metaFile: meta.file}
}

/** Freezes `value` and everything reachable from it; a Map's or Set's own methods that would change it throw. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value]
  const push = (item: unknown) => {
    // What is frozen already was frozen here (this call, or an earlier graph that shares it), with all it holds.
    if (item !== null && typeof item === 'object' && !Object.isFrozen(item)) stack.push(item)
  }
  while (stack.length > 0) {
    const item = stack.pop() as object
    if (Object.isFrozen(item)) continue
    if (item instanceof Map) {
      readOnly(item, ['set', 'delete', 'clear'])
      for (const [key, entry] of item) {
        push(key)
        push(entry)
      }
    } else if (item instanceof Set) {
      readOnly(item, ['add', 'delete', 'clear'])
      for (const entry of item) push(entry)
    }
    Object.freeze(item)
    if (Array.isArray(item)) for (const entry of item) push(entry)
    // `for…in`, not Object.keys: no array per object, over the tens of thousands a graph holds.
    else for (const key in item) if (Object.hasOwn(item, key)) push((item as Record<string, unknown>)[key])
  }
  return value
}

/** `Object.freeze` leaves a Map's entries changeable through its methods: these shadow them on the instance. */
function readOnly(collection: Map<unknown, unknown> | Set<unknown>, methods: string[]): void {
  for (const method of methods) {
    Object.defineProperty(collection, method, {
      value: () => {
        throw new TypeError(`Cannot ${method} on a frozen ${collection instanceof Map ? 'Map' : 'Set'}: the completed graph does not change`)
      }
    })
  }
}

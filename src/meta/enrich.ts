import {FeedError, parseArxivFeed} from './arxiv-feed.ts'
import type {MetaCache, PaperMeta} from '../types.ts'

export interface EnrichOptions {
  /** The arXiv API's query endpoint. Tests point it at a local replay server. */
  api: string
  /** Ids per request. */
  batchSize: number
  /** Pause between the starts of two requests: arXiv asks for no more than one request every 3 seconds. */
  delayMs: number
  /** How long one request may take, body included. */
  timeoutMs: number
  /** Further tries after a failed request (network error, timeout, 429, 5xx, malformed XML). */
  retries: number
  log: (line: string) => void
}

export const defaultEnrichOptions: EnrichOptions = {
  api: 'https://export.arxiv.org/api/query',
  batchSize: 50,
  delayMs: 3000,
  timeoutMs: 30_000,
  retries: 3,
  log: () => {}
}

export interface EnrichResult {
  /** The ids that were asked for and answered. */
  fetched: string[]
  /** Ids that could not be had, with the reason. */
  failed: Array<{id: string; reason: string}>
  /** The cache after the run: the old entries, the fetched ones, and only ids that are still in the list. */
  cache: MetaCache
  /** Ids dropped from the cache because the list no longer has them. */
  dropped: string[]
}

/**
 * Fetches what the cache lacks (or everything in `refresh`) for the given arXiv ids, in batches,
 * one request at a time, with retries and a timeout. Entries that were fetched are kept even when
 * other batches fail, so a second run only asks for what is still missing.
 */
export async function enrich(ids: string[], old: MetaCache, refresh: ReadonlySet<string> | 'all', options: Partial<EnrichOptions> = {}): Promise<EnrichResult> {
  const settings = {...defaultEnrichOptions, ...options}
  const wanted = [...new Set(ids)]
  const todo = wanted.filter((id) => refresh === 'all' || refresh.has(id) || !old.has(id))
  const cache: MetaCache = new Map()
  for (const id of wanted) {
    const known = old.get(id)
    if (known) cache.set(id, known)
  }
  const dropped = [...old.keys()].filter((id) => !cache.has(id)).sort()
  const fetched: string[] = []
  const failed: EnrichResult['failed'] = []
  const limiter = new RateLimiter(settings.delayMs)

  for (let start = 0; start < todo.length; start += settings.batchSize) {
    const batch = todo.slice(start, start + settings.batchSize)
    settings.log(`Asking arXiv for ${batch.length} paper${batch.length === 1 ? '' : 's'} (${start + batch.length} of ${todo.length})…`)
    let papers: PaperMeta[]
    try {
      papers = await fetchBatch(batch, settings, limiter)
    } catch (error) {
      const reason = (error as Error).message
      settings.log(`  gave up on this batch: ${reason}`)
      for (const id of batch) failed.push({id, reason})
      continue
    }
    const byId = new Map(papers.map((paper) => [paper.arxiv, paper]))
    for (const id of batch) {
      const paper = byId.get(id)
      if (paper) {
        cache.set(id, paper)
        fetched.push(id)
      } else {
        failed.push({id, reason: 'arXiv returned no entry for it: check the id in the README'})
      }
    }
  }
  return {fetched, failed, cache, dropped}
}

/** One batch, tried up to 1 + retries times. Retries wait longer each time, and honour Retry-After. */
async function fetchBatch(ids: string[], settings: EnrichOptions, limiter: RateLimiter): Promise<PaperMeta[]> {
  const url = new URL(settings.api)
  url.searchParams.set('id_list', ids.join(','))
  url.searchParams.set('max_results', String(ids.length))
  let lastError = ''
  for (let attempt = 0; attempt <= settings.retries; attempt++) {
    await limiter.wait()
    let retryAfter = 0
    try {
      const response = await fetch(url, {signal: AbortSignal.timeout(settings.timeoutMs), headers: {accept: 'application/atom+xml'}})
      const body = await response.text()
      limiter.done()
      if (response.ok) return parseArxivFeed(body)
      lastError = `HTTP ${response.status}`
      // A client error other than rate limiting will not get better by asking again.
      if (response.status < 500 && response.status !== 429) throw new GiveUp(`${lastError}: ${body.slice(0, 200).replace(/\s+/g, ' ').trim()}`)
      retryAfter = Number(response.headers.get('retry-after')) * 1000 || 0
    } catch (error) {
      limiter.done()
      if (error instanceof GiveUp) throw error
      const name = (error as Error).name
      lastError = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${settings.timeoutMs} ms` : error instanceof FeedError ? error.message : `network error: ${(error as Error).message}`
    }
    if (attempt < settings.retries) {
      const backoff = Math.min(Math.max(settings.delayMs * 2 ** attempt, retryAfter), 5 * 60_000)
      settings.log(`  ${lastError}; trying again in ${Math.round(backoff / 100) / 10} s`)
      limiter.push(backoff)
    }
  }
  throw new Error(`${lastError} (after ${settings.retries + 1} tries)`)
}

class GiveUp extends Error {}

/**
 * Keeps requests at least `gap` ms apart, counted from the end of one to the start of the next, so a
 * slow answer does not bring the next request closer to it; a retry can ask for a longer pause.
 */
class RateLimiter {
  #next = 0
  readonly #gap: number
  constructor(gap: number) {
    this.#gap = gap
  }
  async wait(): Promise<void> {
    const now = Date.now()
    if (this.#next > now) await new Promise((resolve) => setTimeout(resolve, this.#next - now))
    this.#next = Date.now() + this.#gap
  }
  done(): void {
    this.#next = Math.max(this.#next, Date.now() + this.#gap)
  }
  push(pause: number): void {
    this.#next = Math.max(this.#next, Date.now() + pause)
  }
}

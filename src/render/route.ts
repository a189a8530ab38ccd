import type {Graph} from '../types.ts'
import type {ScriptName} from '../client/entries.ts'

/** Nav keys: which top-level part of the site a page belongs to. */
export type NavKey = 'papers' | 'methods' | 'models' | 'datasets' | 'tools' | 'matrix' | 'new'

export interface Route {
  /** The page path, relative to the site root: `''` for home, `models/x/` for a model. */
  page: string
  template: string
  title: string
  description: string
  nav: NavKey | undefined
  /**
   * The page's view data, computed when the page is rendered: a build renders each page once, and the
   * dev server computes only the pages that are asked for.
   */
  data: () => Record<string, unknown>
  /** The client scripts the page needs, if any. */
  scripts?: ScriptName[]
  /** Structured data (schema.org) for the page, written as JSON-LD; given the page's absolute URL maker. */
  jsonLd?: (url: (page: string) => string | undefined) => Record<string, unknown>
  /** OpenGraph's og:type: `article` for a paper, `website` otherwise. */
  ogType?: 'website' | 'article'
  /** Keep the page out of search engines and the sitemap (the 404 page). */
  noindex?: boolean
  /** The README line the page's entry starts at, for "Edit this entry". */
  sourceLine?: number
  /** The page this address now redirects to (an old address of a renamed page); such a page is noindex. */
  redirectTo?: string
  /**
   * The page's data holds every paper (the home page, the matrix): a build renders it on its own thread,
   * where the data is made, since copying that much to the writer thread costs more than rendering it.
   */
  large?: boolean
  /**
   * The id of an element the page's first paint waits for (`<link rel="expect" blocking="render">`): what comes
   * before it is drawn whole. On a slow parse Chromium painted the home page's header with the chart's summary
   * alone, and the chart that came next moved the header (a layout shift of 0.034).
   */
  paintsWith?: string
}

/** A page type: the routes it contributes for a graph, with their view data. */
export type PageType = (graph: Graph) => Route[]

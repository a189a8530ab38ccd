import type {Graph} from '../types.ts'

/** Nav keys: which top-level part of the site a page belongs to. */
export type NavKey = 'papers' | 'methods' | 'models' | 'datasets' | 'tools'

export interface Route {
  /** The page path, relative to the site root: `''` for home, `models/x/` for a model. */
  page: string
  template: string
  title: string
  description: string
  nav: NavKey | undefined
  data: Record<string, unknown>
}

/** A page type: the routes it contributes for a graph, with their view data. */
export type PageType = (graph: Graph) => Route[]

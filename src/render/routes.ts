import type {Graph} from '../types.ts'
import type {PageType, Route} from './route.ts'
import {home} from './pages/home.ts'
import {datasets, methods, models, tools} from './pages/indexes.ts'
import {paper} from './pages/paper.ts'
import {dataset, method, model} from './pages/entities.ts'
import {groups} from './pages/groups.ts'
import {matrix} from './pages/matrix.ts'
import {whatsNew} from './pages/new.ts'
import {notFound} from './pages/not-found.ts'
import {redirects} from './pages/redirects.ts'

export type {NavKey, Route} from './route.ts'

/**
 * Every page type of the site, in output order. A new page type is one module and one line here. The two
 * pages that list every paper come first, while a build's heap is still small: the matrix page is 27 MB at
 * 10,000 papers, and made after the paper pages it raised the build's peak RSS by about 200 MB.
 */
export const pageTypes: readonly PageType[] = [home, matrix, models, datasets, methods, tools, paper, model, dataset, method, groups, whatsNew, notFound, redirects]

/** Every page of the site, in a stable order. Each page is rendered once, from its own view data. */
export function routes(graph: Graph): Route[] {
  return pageTypes.flatMap((pageType) => pageType(graph))
}

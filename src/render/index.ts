import type {Eta} from 'eta'
import type {CompleteGraph, Graph} from '../types.ts'
import {createEta, TemplateError} from './eta.ts'
import {absoluteUrl, outputFile} from './paths.ts'
import {routes, type NavKey, type Route} from './routes.ts'
import {jsonLdText} from './json-ld.ts'
import {isolateBidi} from './format.ts'
import {sourceLinks} from './source-links.ts'
import type {ScriptName} from '../client/entries.ts'

export interface RenderOptions {
  /** `/` or `/Awesome-LLM-Pruning/`. */
  base: string
  /** Absolute origin and path of the deployed site, for canonical links; optional. */
  siteUrl: string | undefined
  /** The README on GitHub, for the footer; optional. */
  sourceHref: string | undefined
  /** Hashed asset paths from vite's manifest, relative to the site root. */
  assets: {css: string; scripts: Record<ScriptName, string>}
  eta?: Eta
  /** The Content-Security-Policy every page carries; `contentSecurityPolicy` by default (the dev server relaxes it for vite's client). */
  csp?: string
}

/**
 * The policy every page carries. No inline script or style is allowed anywhere;
 * images may come over https because READMEs show badges.
 */
export const cspDirectives = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' https:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'"
} as const

/** A policy's text from its directives, in their order. */
export function policyText(directives: Readonly<Record<string, string>>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ')
}

export const contentSecurityPolicy = policyText(cspDirectives)

/**
 * Every page as its output path and a function that renders it, once, when called. The build hands these
 * to the writer, so each page's HTML is made just before it is written and dropped right after, instead of
 * the whole site sitting in memory at once.
 */
export function sitePages(graph: CompleteGraph, options: RenderOptions): Map<string, () => string> {
  const renderer = createRenderer(graph, options)
  return new Map(renderer.routes.map((route) => [outputFile(route.page), () => renderer.render(route)]))
}

/** Renders every route once. Returns the pages as output paths and HTML. */
export function renderSite(graph: CompleteGraph, options: RenderOptions): Map<string, string> {
  return new Map([...sitePages(graph, options)].map(([path, render]) => [path, render()]))
}

export interface Renderer {
  routes: Route[]
  /** Renders one page; a template error is thrown as a TemplateError naming the template. */
  render(route: Route): string
}

/** The routes of a completed graph and a way to render any one of them, for the build and for the dev server's on-demand pages. */
export function createRenderer(graph: CompleteGraph, options: RenderOptions): Renderer {
  const eta = options.eta ?? createEta()
  // A link within the page (`#papers`) stays as it is; any other is a page path under the base.
  const url = (page: string) => (page.startsWith('#') ? page : `${options.base}${page}`)
  const source = sourceLinks(options.sourceHref)
  const site = {
    title: graph.title || 'Awesome list',
    csp: options.csp ?? contentSecurityPolicy,
    css: options.assets.css,
    sourceHref: options.sourceHref,
    suggestHref: source.suggest,
    nav: navigation(graph)
  }
  const render = (route: Route): string => {
    const page = {
      path: route.page,
      title: route.title || 'Untitled',
      /** The `<title>`: the page's own, then the site's, each kept to its own direction. */
      documentTitle: (route.title || 'Untitled') === site.title ? isolateBidi(site.title) : `${isolateBidi(route.title || 'Untitled')} · ${isolateBidi(site.title)}`,
      description: route.description,
      nav: route.nav,
      /** `aria-current` of the navigation's item for this page: the section's own page, or a page within it. */
      current: site.nav.find((item) => item.key === route.nav)?.href === route.page ? 'page' : 'true',
      scripts: (route.scripts ?? []).map((name) => options.assets.scripts[name]),
      // A redirect names its target as canonical, so what search engines have for the old address moves to the new one.
      canonical: route.redirectTo !== undefined ? (absoluteUrl(options.siteUrl, options.base, route.redirectTo) ?? url(route.redirectTo)) : route.noindex ? undefined : absoluteUrl(options.siteUrl, options.base, route.page),
      refresh: route.redirectTo !== undefined ? url(route.redirectTo) : undefined,
      ogType: route.ogType ?? 'website',
      noindex: route.noindex ?? false,
      /** "Edit this entry" and the entry's line in the README, when the page is one entry's and the source is known. */
      entry: source.entry(route.sourceLine),
      jsonLd: route.jsonLd ? jsonLdText(route.jsonLd((page) => absoluteUrl(options.siteUrl, options.base, page))) : undefined
    }
    try {
      return eta.render(route.template, {site, page, url, data: route.data()})
    } catch (error) {
      throw new TemplateError(`templates/${route.template}.eta`, error)
    }
  }
  return {routes: routes(graph), render}
}

/** The site's navigation mirrors the list's own sections, with the README's wording. */
function navigation(graph: Graph): Array<{key: NavKey; label: string; href: string}> {
  type ListKey = Exclude<NavKey, 'matrix' | 'new'>
  const fallback: Record<ListKey, string> = {papers: 'Papers', methods: 'Fine-tuning methods', models: 'Models', datasets: 'Datasets', tools: 'Tools'}
  const href: Record<ListKey, string> = {papers: '', methods: 'methods/', models: 'models/', datasets: 'datasets/', tools: 'tools/'}
  const keys: ListKey[] = []
  const labels = new Map<ListKey, string>()
  for (const section of graph.sections) {
    if (section.parent !== undefined && graph.section.get(section.parent)?.kind !== 'contents') continue
    // `## Pruning` holds papers, but is no name for all of them: only a heading that says so names a page.
    if (section.fromContent) continue
    const kind = section.kind
    if (kind === 'papers' || kind === 'methods' || kind === 'models' || kind === 'datasets' || kind === 'tools') {
      if (!labels.has(kind)) {
        labels.set(kind, section.title)
        keys.push(kind)
      }
    }
  }
  for (const key of Object.keys(fallback) as ListKey[]) if (!labels.has(key)) keys.push(key)
  // Pages the README has no section for: the benchmark matrix and what's new.
  return [
    ...keys.map((key) => ({key, label: labels.get(key) || fallback[key], href: href[key]})),
    {key: 'matrix' as const, label: 'Matrix', href: 'matrix/'},
    {key: 'new' as const, label: 'New', href: 'new/'}
  ]
}

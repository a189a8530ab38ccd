import type {Eta} from 'eta'
import type {CompleteGraph, Graph} from '../types.ts'
import {createEta, TemplateError} from './eta.ts'
import {pageUrl} from './engine.js'
import {absoluteUrl, outputFile} from './paths.ts'
import {routes, type NavKey, type Route} from './routes.ts'
import {jsonLdText} from './json-ld.ts'
import {isolateBidi} from './format.ts'
import {sourceLinks} from './source-links.ts'
import type {ScriptName} from '../client/entries.ts'

/**
 * A page the writer thread may render itself, from its template and view data, so that only the data
 * crosses threads and the main thread is free to make the next page's data. Rendered with `render()`
 * where it is written from this thread.
 */
export interface TemplatedPage {
  /** The engine: its views folder, the site's base path and the values every page shares. The same object for every page of a site. */
  engine: {views: string; base: string; site: unknown}
  /** The template and its page and view data, made when the page is about to be written. */
  view(): {template: string; page: unknown; data: unknown}
  /** The page's HTML, rendered on this thread. */
  render(): string
  /** The error a template that failed on the writer thread is reported as. */
  failure(template: string, message: string): Error
  /** Rendered on this thread even when a writer thread writes it (`Route.large`). */
  large?: boolean | undefined
}

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
export function sitePages(graph: CompleteGraph, options: RenderOptions): Map<string, TemplatedPage> {
  const renderer = createRenderer(graph, options)
  // What the writer thread needs to render any page itself: only each page's own data crosses threads then.
  const engine = {views: renderer.views, base: options.base, site: renderer.site}
  const failure = (template: string, message: string) => new TemplateError(`templates/${template}.eta`, new Error(message))
  return new Map(
    renderer.routes.map((route) => [outputFile(route.page), {engine, view: () => renderer.view(route), render: () => renderer.render(route), failure, large: route.large}])
  )
}

/** Renders every route once. Returns the pages as output paths and HTML. */
export function renderSite(graph: CompleteGraph, options: RenderOptions): Map<string, string> {
  return new Map([...sitePages(graph, options)].map(([path, page]) => [path, page.render()]))
}

export interface Renderer {
  routes: Route[]
  /** Renders one page; a template error is thrown as a TemplateError naming the template. */
  render(route: Route): string
  /** A page's template and what it is rendered with, but the site's shared values and `url`. */
  view(route: Route): {template: string; page: PageValues; data: unknown}
  /** The values every page shares, as templates read them (`it.site`). */
  site: SiteValues
  /** The engine's templates folder. */
  views: string
}

/** The routes of a completed graph and a way to render any one of them, for the build and for the dev server's on-demand pages. */
export function createRenderer(graph: CompleteGraph, options: RenderOptions): Renderer {
  const eta = options.eta ?? createEta()
  // A link within the page (`#papers`) stays as it is; any other is a page path under the base.
  const url = pageUrl(options.base)
  const source = sourceLinks(options.sourceHref)
  const site: SiteValues = {
    title: graph.title || 'Awesome list',
    csp: options.csp ?? contentSecurityPolicy,
    css: options.assets.css,
    sourceHref: options.sourceHref,
    suggestHref: source.suggest,
    nav: navigation(graph)
  }
  const view = (route: Route) => {
    const page = pageValues(route, site, options, source)
    try {
      return {template: route.template, page, data: route.data()}
    } catch (error) {
      throw new TemplateError(`templates/${route.template}.eta`, error)
    }
  }
  const render = (route: Route): string => {
    const {page, data} = view(route)
    try {
      return eta.render(route.template, {site, page, url, data})
    } catch (error) {
      throw new TemplateError(`templates/${route.template}.eta`, error)
    }
  }
  return {routes: routes(graph), render, view, site, views: eta.config.views!}
}

/** The values every page shares, as templates read them (`it.site`). */
export interface SiteValues {
  title: string
  csp: string
  css: string
  sourceHref: string | undefined
  suggestHref: string | undefined
  nav: Array<{key: NavKey; label: string; href: string}>
}

export type PageValues = ReturnType<typeof pageValues>

/** What a template reads of its own page (`it.page`). */
function pageValues(route: Route, site: SiteValues, options: RenderOptions, source: ReturnType<typeof sourceLinks>) {
  const url = pageUrl(options.base)
  return {
    path: route.page,
    title: route.title || 'Untitled',
    /** The `<title>`: the page's own, then the site's, each kept to its own direction. */
    documentTitle: (route.title || 'Untitled') === site.title ? isolateBidi(site.title) : `${isolateBidi(route.title || 'Untitled')} · ${isolateBidi(site.title)}`,
    description: route.description,
    nav: route.nav,
    /** `aria-current` of the navigation's item for this page: the section's own page, or a page within it. */
    current: site.nav.find((item) => item.key === route.nav)?.href === route.page ? 'page' : 'true',
    scripts: (route.scripts ?? []).map((name) => options.assets.scripts[name]),
    /** The fragment the first paint waits for (`Route.paintsWith`). */
    paintsWith: route.paintsWith === undefined ? undefined : `#${route.paintsWith}`,
    // A redirect names its target as canonical, so what search engines have for the old address moves to the new one.
    canonical: route.redirectTo !== undefined ? (absoluteUrl(options.siteUrl, options.base, route.redirectTo) ?? url(route.redirectTo)) : route.noindex ? undefined : absoluteUrl(options.siteUrl, options.base, route.page),
    refresh: route.redirectTo !== undefined ? url(route.redirectTo) : undefined,
    ogType: route.ogType ?? 'website',
    noindex: route.noindex ?? false,
    /** "Edit this entry" and the entry's line in the README, when the page is one entry's and the source is known. */
    entry: source.entry(route.sourceLine),
    jsonLd: route.jsonLd ? jsonLdText(route.jsonLd((page) => absoluteUrl(options.siteUrl, options.base, page))) : undefined
  }
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

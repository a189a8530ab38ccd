// The template engine's configuration, in plain JavaScript so that the writer thread (src/write/write-worker.js),
// which renders pages too, starts without a TypeScript loader and renders exactly as the main thread does.
import {Eta} from 'eta'

/**
 * The `url` templates call: a link within the page (`#papers`) stays as it is; any other is a page path
 * under the base. Here, so that the main thread and the writer thread link alike.
 * @param {string} base
 * @returns {(page: string) => string}
 */
export function pageUrl(base) {
  return (page) => (page.startsWith('#') ? page : `${base}${page}`)
}

/**
 * The one configured template engine. `autoEscape` is on, so `<%= %>` escapes everything;
 * `<%~ %>` is kept for HTML that the build produced and sanitized itself.
 * @param {{views: string, cache: boolean, debug: boolean}} options
 * @returns {Eta}
 */
export function newEta({views, cache, debug}) {
  return rememberPaths(
    new Eta({
      views,
      autoEscape: true,
      autoTrim: [false, 'nl'],
      cache,
      // Line numbers for errors thrown while a template runs; it slows rendering, so only the dev server asks.
      debug,
      defaultExtension: '.eta'
    })
  )
}

/**
 * eta finds a template's file again on every render and include (a JSON key, path joins and a check that
 * the file is inside the views folder): at 10,000 papers, some 60,000 times for a dozen files. The views
 * folder of an engine never changes, so each name, from each including file, is looked up once.
 * @param {Eta} eta
 */
function rememberPaths(eta) {
  const find = /** @type {NonNullable<Eta['resolvePath']>} */ (eta.resolvePath).bind(eta)
  /** @type {Map<string, string>} */
  const found = new Map()
  eta.resolvePath = (template, options) => {
    const key = `${options?.filepath ?? ''}\0${template}`
    let path = found.get(key)
    if (path === undefined) {
      path = find(template, options)
      found.set(key, path)
    }
    return path
  }
  return eta
}

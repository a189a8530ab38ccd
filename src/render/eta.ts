import {Eta} from 'eta'
import {join} from 'node:path'
import {projectRoot} from '../project-root.ts'

export const templatesDir = join(projectRoot, 'templates')

/**
 * The one configured template engine. `autoEscape` is on, so `<%= %>` escapes everything;
 * `<%~ %>` is kept for HTML that the build produced and sanitized itself.
 */
export function createEta(options: {cache?: boolean; views?: string; debug?: boolean} = {}): Eta {
  return rememberPaths(new Eta({
    views: options.views ?? templatesDir,
    autoEscape: true,
    autoTrim: [false, 'nl'],
    cache: options.cache ?? true,
    // Line numbers for errors thrown while a template runs; it slows rendering, so only the dev server asks.
    debug: options.debug ?? false,
    defaultExtension: '.eta'
  }))
}

/**
 * eta finds a template's file again on every render and include (a JSON key, path joins and a check that
 * the file is inside the views folder): at 10,000 papers, some 60,000 times for a dozen files. The views
 * folder of an engine never changes, so each name, from each including file, is looked up once.
 */
function rememberPaths(eta: Eta): Eta {
  const find = eta.resolvePath!.bind(eta)
  const found = new Map<string, string>()
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

export class TemplateError extends Error {
  readonly template: string
  /** What went wrong, without the template's name (a diagnostic on the template's file names it already). */
  readonly reason: string
  /** Where in the template, when eta says. */
  readonly place: {line: number; column: number} | undefined
  constructor(template: string, cause: unknown) {
    const {reason, place} = explain(cause instanceof Error ? cause.message : String(cause))
    super(`${template}: ${reason}`)
    this.name = 'TemplateError'
    this.template = template
    this.reason = reason
    this.place = place
  }
}

/**
 * eta's messages, made short: "unclosed tag at line 2 col 1: …", a runtime error under `debug`
 * ("/path/x.eta:2", the lines around it, then the error), or "Bad template syntax" followed by the
 * compiled function, which is no help to whoever edits the template.
 */
function explain(message: string): {reason: string; place: {line: number; column: number} | undefined} {
  const parse = /^(.*?) at line (\d+) col (\d+)/.exec(message)
  if (parse) return {reason: parse[1]!, place: {line: Number(parse[2]), column: Number(parse[3])}}
  const runtime = /^[^\n]*\.eta:(\d+)\n[\s\S]*?\n\n([^\n][\s\S]*)$/.exec(message)
  if (runtime) return {reason: runtime[2]!.trim(), place: {line: Number(runtime[1]), column: 1}}
  const syntax = /^Bad template syntax\n\n([^\n]*)/.exec(message)
  if (syntax) return {reason: `Bad template syntax: ${syntax[1]} (a \`<% %>\` tag holds code that is not valid JavaScript)`, place: undefined}
  return {reason: message.split('\n')[0]!, place: undefined}
}

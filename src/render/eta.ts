import {Eta} from 'eta'
import {fileURLToPath} from 'node:url'

export const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url))

/**
 * The one configured template engine. `autoEscape` is on, so `<%= %>` escapes everything;
 * `<%~ %>` is kept for HTML that the build produced and sanitized itself.
 */
export function createEta(options: {cache?: boolean; views?: string} = {}): Eta {
  return new Eta({
    views: options.views ?? templatesDir,
    autoEscape: true,
    autoTrim: [false, 'nl'],
    cache: options.cache ?? true,
    defaultExtension: '.eta'
  })
}

export class TemplateError extends Error {
  readonly template: string
  /** What went wrong, without the template's name (a diagnostic on the template's file names it already). */
  readonly reason: string
  constructor(template: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(`${template}: ${reason}`)
    this.name = 'TemplateError'
    this.template = template
    this.reason = reason
  }
}
